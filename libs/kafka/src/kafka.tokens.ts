export const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');
