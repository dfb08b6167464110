// The CustomFunctions global that Excel provides, as the functions' tests need it. Importing this installs it.

export class MockCustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string
  ) {
    super(message);
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: MockCustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};
