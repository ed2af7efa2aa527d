// Registers aws-sdk-client-mock's matchers (toReceiveCommandWith, …) for every test file.
import 'aws-sdk-client-mock-vitest/extend';
