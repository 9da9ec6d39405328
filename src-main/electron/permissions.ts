import type { Session } from 'electron';

/** Desktop notifications for new conversations; nothing else (camera, geolocation, ...). */
const ALLOWED = new Set<string>(['notifications']);

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED.has(permission));
}
