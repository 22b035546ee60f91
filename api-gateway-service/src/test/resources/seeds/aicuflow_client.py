import requests

API_KEY = "sk-EuT64********oyU_O"
API_URL = "https://backend.aicuflow.com/node/deployment-trigger/af86a8a6-40f2-4b92-9f83-c9b3bafb2ccb/"

def trigger_deployment(input_data=None):
    """Trigger Chat Workflow Deployment - waits for completion and returns results"""
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
result = trigger_deployment({'param1': 'value1'})
print(f"Status: {result['status']}")
print(f"Output: {result['output_data']}")
print(f"Duration: {result.get('duration_seconds')} seconds")
