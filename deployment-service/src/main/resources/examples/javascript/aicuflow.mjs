// Flowgate deployment "@@NAME@@": aicuflow-compatible API. Run as an ES module: node example.mjs
const API_KEY = process.env.FLOWGATE_API_KEY;
const API_URL =
  @@URL@@;

async function triggerDeployment(inputData = {}) {
  // Triggers the deployment - @@WAITS@@
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
const result = await triggerDeployment(@@INPUTS@@);
console.log("Status:", result.status);
console.log("Output:", result.output_data);
console.log("Duration:", result.duration_seconds, "seconds");
