// What other tools reuse of the operator CLI: reading and replaying dead letters, inspecting files.
export * from './dead-letters';
export * from './inspect';
