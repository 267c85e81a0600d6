/** Shared by the npm scripts: print one clear line for a known failure, a stack only for a bug. */
import { SetupError } from "@/server/setup";

export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof SetupError || (error as { isUserError?: boolean }).isUserError) {
        console.error(`error: ${(error as Error).message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    });
}

export function userError(message: string): Error {
  return Object.assign(new Error(message), { isUserError: true });
}
