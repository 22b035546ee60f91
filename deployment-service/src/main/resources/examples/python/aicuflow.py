# Flowgate deployment "@@NAME@@": aicuflow-compatible API
import os

import requests

API_KEY = os.environ["FLOWGATE_API_KEY"]
API_URL = @@URL@@


def trigger_deployment(input_data=None):
    """Trigger the deployment - @@WAITS@@"""
    response = requests.post(
        API_URL,
        headers={
            "X-API-Key": API_KEY,
            "Content-Type": "application/json"
        },
        json={
            "input_data": input_data or {},
        }
    )

    if response.ok:
        result = response.json()
        return result["data"]
    else:
        raise Exception(f"API Error: {response.text}")


# Usage example with test data
result = trigger_deployment(@@INPUTS@@)
print(f"Status: {result['status']}")
print(f"Output: {result['output_data']}")
print(f"Duration: {result.get('duration_seconds')} seconds")
