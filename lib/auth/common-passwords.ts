/** The most common passwords of public breach corpora (top entries of 8+ characters); refused at any length. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop", "qwerty123", "11111111", "00000000",
  "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1", "welcome123", "admin123", "administrator", "letmein1",
  "trustno1", "passw0rd", "abc12345", "abcd1234", "1q2w3e4r", "1qaz2wsx", "qazwsxedc", "zaq12wsx", "superman", "starwars",
  "dragon123", "monkey123", "master123", "michelle", "jennifer", "computer", "internet", "whatever", "changeme", "changeme123",
  "87654321", "12341234", "88888888", "qwertyui", "asdfghjk", "zxcvbnm1", "p@ssw0rd", "p@ssword", "secret123", "default1",
]);
