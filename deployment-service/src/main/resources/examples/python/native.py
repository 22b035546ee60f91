# Flowgate deployment "@@NAME@@": native API
import os
import time

import requests

API_KEY = os.environ["FLOWGATE_API_KEY"]
BASE_URL = @@BASE_URL@@
API_URL = @@URL@@


def run_deployment(input_data=None):
    """Trigger the deployment and wait until its execution has finished"""
    headers = {"Authorization": f"Bearer {API_KEY}"}
    response = requests.post(API_URL, headers=headers, json={"input_data": input_data or {}})
    if not response.ok:
        raise Exception(f"API Error: {response.text}")
    execution = response.json()
    # 202: still running (an async deployment, or a sync one past its timeout): poll it
    while execution["status"] in ("queued", "running"):
        time.sleep(1)
        poll = requests.get(BASE_URL + execution["links"]["self"], headers=headers)
        if not poll.ok:
            raise Exception(f"API Error: {poll.text}")
        execution = poll.json()
    return execution


# Usage example with test data
result = run_deployment(@@INPUTS@@)
print(f"Status: {result['status']}")
print(f"Output: {result['output_data']}")
print(f"Duration: {result.get('duration_seconds')} seconds")
