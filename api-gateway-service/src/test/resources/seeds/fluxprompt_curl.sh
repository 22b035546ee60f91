curl -X POST \
-H "Content-Type: application/json" \
-H "api-key: YOUR_API_KEY" \
-d '{
"variableInputs": [
{
"inputId": "YOUR_INPUT_NODE_ID",
"inputText": "Your input text here"
}
]
}' \
https://api.fluxprompt.ai/flux/api-v2?flowId=YOUR_WORKFLOW_ID
