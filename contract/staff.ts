import { Type, type Static } from 'typebox';
import { Nullable, StaffRole } from './common.js';

/** A staff account as the API shows it: never its password hash. */
export const StaffView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  active: Type.Boolean(),
  /** Epoch milliseconds. */
  createdAt: Type.Number(),
});
export type StaffView = Static<typeof StaffView>;

/** Who is logged in, and the counter they hold. */
export const MeView = Type.Object({ staff: StaffView, counterId: Nullable(Type.Integer()) });
export type MeView = Static<typeof MeView>;

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

const Password = Type.String({ minLength: 10, maxLength: 200 });

export const CreateStaffRequest = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9._-]{2,40}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 80 }),
    password: Password,
    role: StaffRole,
  },
  { additionalProperties: false },
);
export type CreateStaffRequest = Static<typeof CreateStaffRequest>;

export const UpdateStaffRequest = Type.Object(
  { displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' })), role: Type.Optional(StaffRole) },
  { additionalProperties: false },
);
export type UpdateStaffRequest = Static<typeof UpdateStaffRequest>;

/** Your own password needs `currentPassword`; a manager resetting someone else's does not. */
export const SetPasswordRequest = Type.Object(
  { password: Password, currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type SetPasswordRequest = Static<typeof SetPasswordRequest>;

export const PasswordSetView = Type.Object({ sessionsEnded: Type.Integer() });
export type PasswordSetView = Static<typeof PasswordSetView>;

/** A deactivation ends the member's sessions; the answer says how many. */
export const DeactivatedStaffView = Type.Object({ member: StaffView, sessionsEnded: Type.Integer() });
export type DeactivatedStaffView = Static<typeof DeactivatedStaffView>;
