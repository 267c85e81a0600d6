import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Files matching `files` may not import any of `forbidden` (a lower floor importing a higher one). */
function layer(files, forbidden) {
  return {
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: forbidden, message: "A lower floor of the house imports a higher one; see the README's folder map." }] },
      ],
    },
  };
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // Destructuring away fields (`const { secret: _secret, ...rest } = row`) is how internal fields are dropped.
      "@typescript-eslint/no-unused-vars": ["warn", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // The house's floors (README, "Folder map"): lib (pure domain logic) ← db (SQL) ← server (HTTP, auth, actions) ← app (routes).
  // An import never reaches up a floor; these rules fail the lint when one does.
  layer("lib/**", [
    "@/db/*",
    "@/server/*",
    "@/app/*",
    "@/seed/*",
    "next",
    "next/*",
    "next-auth",
    "next-auth/*",
    "../db/*",
    "../server/*",
    "../app/*",
    "../../db/*",
    "../../server/*",
    "../../app/*",
  ]),
  layer("db/**", [
    "@/server/*",
    "@/app/*",
    "@/seed/*",
    "next",
    "next/*",
    "next-auth",
    "next-auth/*",
    "../server/*",
    "../app/*",
    "../seed/*",
    "../../server/*",
    "../../app/*",
    "../../seed/*",
  ]),
  layer("server/**", ["@/app/*", "../app/*", "../../app/*"]),
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".e2e-*/**",
      "bench/data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
