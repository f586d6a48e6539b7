// The app is its own root: the repository's other lock files are not its workspace. The test
// serves it on 127.0.0.1, which `next dev` must be told is its own; it writes no agent files.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));

export default {
  turbopack: { root },
  outputFileTracingRoot: root,
  allowedDevOrigins: ["127.0.0.1"],
  agentRules: false,
  experimental: { agentUpgrade: false },
};
