import type { Locale } from "./locales";
import { createTranslator, type MessageKeyOf, type Translator } from "./translate";
import { en } from "./messages/en";
import { zhCN, type Messages } from "./messages/zh-CN";

export type { Messages };
export type MessageKey = MessageKeyOf<Messages>;
export type AdminTranslator = Translator<MessageKey>;

/**
 * Both catalogues. Server code picks one per request; client components never import this module, they get the
 * active catalogue from the admin layout as a prop (see components/admin/i18n.tsx), so the browser downloads one
 * language's messages and no catalogue code.
 */
export const catalogues: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function adminTranslator(locale: Locale, messages: Messages = catalogues[locale]): AdminTranslator {
  return createTranslator(locale, messages);
}
