/** Server errors are logged as JSON with the request id and the digest the user's error page shows. */
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers["x-request-id"];
  const err = error as Error & { digest?: string };
  console.error(
    JSON.stringify({
      at: new Date().toISOString(),
      level: "error",
      message: "request error",
      requestId: Array.isArray(header) ? header[0] : header,
      digest: err.digest,
      path: request.path,
      route: context.routePath,
      error: err.name,
      detail: err.message,
    }),
  );
};
