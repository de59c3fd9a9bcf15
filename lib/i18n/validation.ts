/** The language switcher's one input. */
import { z } from "zod";
import { LOCALES } from "./config";

export const localeInput = z.object({ locale: z.enum(LOCALES) });
