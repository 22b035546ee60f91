# Flowgate deployment "@@NAME@@": FluxPrompt-compatible API
import os

import requests

API_KEY = os.environ["FLOWGATE_API_KEY"]
API_URL = @@URL@@


def run_flow(variable_inputs):
    """Trigger the flow - @@WAITS@@"""
    response = requests.post(
        API_URL,
        headers={
            "api-key": API_KEY,
            "Content-Type": "application/json"
        },
        json={"variableInputs": variable_inputs}
    )

    result = response.json()
    if result.get("success"):
        return result
    raise Exception(f"API Error: {result.get('error', response.text)}")


# Usage example with test data
result = run_flow(
    @@VARIABLE_INPUTS@@
)
print(f"Status: {result['status']}")
print(f"Output: {result['output']}")
print(f"Duration: {result.get('durationSeconds')} seconds")
