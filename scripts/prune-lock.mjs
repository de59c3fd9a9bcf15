// Removes from package-lock.json the optional dependency edges whose package the lock does not hold.
//
// Why: the registry these machines reach serves only the Linux builds of platform packages
// (@next/swc-*, @tailwindcss/oxide-*, @swc/core-*, @unrs/resolver-binding-*). `npm install` then
// records the edge without the package, and `npm ci` refuses the lock ("Missing: … from lock file").
// Run after every `npm install` that changes dependencies: `npm run lock:prune`.
// On a machine with the full registry nothing is lost: the Linux x64/arm64 builds stay in the lock.
import fs from "node:fs";

const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const held = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, "")));
let pruned = 0;
for (const pkg of Object.values(lock.packages)) {
  if (!pkg.optionalDependencies) continue;
  for (const name of Object.keys(pkg.optionalDependencies)) {
    if (!held.has(name)) {
      delete pkg.optionalDependencies[name];
      pruned++;
    }
  }
  if (Object.keys(pkg.optionalDependencies).length === 0) delete pkg.optionalDependencies;
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`${file}: pruned ${pruned} optional edge(s) to packages the lock does not hold`);
