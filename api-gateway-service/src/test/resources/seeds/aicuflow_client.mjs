const API_KEY = "sk-EuT64********oyU_O";
const API_URL =
  "https://backend.aicuflow.com/node/deployment-trigger/af86a8a6-40f2-4b92-9f83-c9b3bafb2ccb/";

async function triggerDeployment(inputData = {}) {
  // Waits for completion and returns results
  const response = await fetch(API_URL, {
    method: "POST",
    headers: {
      "X-API-Key": API_KEY,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ input_data: inputData }),
  });

  const result = await response.json();

  if (result.status === "success") {
    return result.data;
  } else {
    throw new Error(`API Error: ${result.message}`);
  }
}

// Usage example with test data
const result = await triggerDeployment({
  param1: "value1",
});
console.log("Status:", result.status);
console.log("Output:", result.output_data);
console.log("Duration:", result.duration_seconds, "seconds");
