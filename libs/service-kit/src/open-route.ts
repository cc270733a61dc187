import { SetMetadata } from '@nestjs/common';

/** Metadata of routes open by design (probes, metrics): authentication and rate limits pass them by. */
export const OPEN_ROUTE = 'wirestream:open-route';
export const OpenRoute = () => SetMetadata(OPEN_ROUTE, true);
