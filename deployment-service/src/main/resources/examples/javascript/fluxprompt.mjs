// Flowgate deployment "@@NAME@@": FluxPrompt-compatible API. Run as an ES module: node example.mjs
const API_KEY = process.env.FLOWGATE_API_KEY;
const API_URL = @@URL@@;

async function runFlow(variableInputs) {
  // Triggers the flow - @@WAITS@@
  const response = await fetch(API_URL, {
    method: "POST",
    headers: {
      "api-key": API_KEY,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ variableInputs }),
  });

  const result = await response.json();

  if (result.success) {
    return result;
  } else {
    throw new Error(`API Error: ${result.error}`);
  }
}

// Usage example with test data
const result = await runFlow(
  @@VARIABLE_INPUTS@@
);
console.log("Status:", result.status);
console.log("Output:", result.output);
console.log("Duration:", result.durationSeconds, "seconds");
