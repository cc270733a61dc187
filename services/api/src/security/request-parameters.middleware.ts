import type { NextFunction, Request, Response } from 'express';
import { requestParameterProblems } from './request-parameters';

/** Answers 400, naming each bad parameter, before routing or any lenient decoding sees the request. */
export function requestParametersCheck(maxBytes: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const problems = requestParameterProblems(request.originalUrl, maxBytes);
    if (problems.length === 0) return next();
    response.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'invalid request parameters', problems });
  };
}
