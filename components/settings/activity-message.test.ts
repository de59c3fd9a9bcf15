import { expect, test } from "vitest";
import { activityMessage } from "./activity-message";

test.each([
  ["signin", null, "signin", {}],
  ["signin.locked", null, "signin_locked", {}],
  ["email.changed", { from: "a@x.co", to: "b@x.co" }, "email_changed", { from: "a@x.co", to: "b@x.co" }],
  ["token.created", { name: "phone", tokenId: "t1" }, "token_created", { name: "phone" }],
  ["export", { format: "csv", events: 3 }, "export", { format: "csv" }],
  ["export", { format: 42 }, "export", { format: "" }],
  ["import.screenshot", { screenshots: 3, observations: 2 }, "import_screenshot", { screenshots: "3", observations: "2" }],
  ["something.new", { x: 1 }, "other", { action: "something.new" }],
])("%s → %s", (action, detail, key, values) => {
  const m = activityMessage(action, detail);
  expect(m.key).toBe(key);
  expect(m.values).toMatchObject(values);
});
