import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedRead } from "@/lib/db/read-cache";
import { Prisma } from "@/lib/generated/prisma/client";

/** The fields of a user the UI and the session check may see: never the password hash. */
const publicUser = {
  id: true,
  email: true,
  name: true,
  locale: true,
  sessionVersion: true,
  isDemo: true,
  currency: true,
  product: true,
  scoreMin: true,
  scoreMax: true,
} as const;

export type AppUser = Prisma.UserGetPayload<{ select: typeof publicUser }>;

/** The session check's read on every request: served from memory while the row is unchanged. */
export async function findUserById(db: PrismaClient, options: { userId: string }): Promise<AppUser | null> {
  const { userId } = options;
  return cachedRead(db, `user:${userId}`, () => db.user.findUnique({ where: { id: userId }, select: publicUser }), {
    // A missing user is not kept: a sign-up right after must not be shadowed.
    owner: (user) => (user ? userId : null),
  });
}

/** For sign-in only: the one place the password hash leaves the database. */
export async function findCredentialsByEmail(db: PrismaClient, options: { email: string }) {
  return db.user.findUnique({
    where: { email: options.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
}

export class EmailTakenError extends Error {
  constructor() {
    super("email already registered");
    this.name = "EmailTakenError";
  }
}

export async function createUser(
  db: PrismaClient,
  options: {
  email: string;
  passwordHash: string;
  name?: string;
  locale?: string;
  consentPurpose: string;
  },
): Promise<AppUser> {
  try {
    return await db.user.create({
      data: {
        email: options.email,
        passwordHash: options.passwordHash,
        name: options.name ?? null,
        locale: options.locale ?? null,
        consentAt: new Date(),
        consentPurpose: options.consentPurpose,
      },
      select: publicUser,
    });
  } catch (error) {
    // The unique index is the real guard: two sign-ups racing for one e-mail both pass a pre-check.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** Remembers the borrower's language for what is made for them outside a request (letters, exports). */
export async function updateUserLocale(db: PrismaClient, options: { userId: string; locale: string }): Promise<void> {
  await db.user.update({ where: { id: options.userId }, data: { locale: options.locale }, select: { id: true } });
}
