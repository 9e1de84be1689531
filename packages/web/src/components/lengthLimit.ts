import type { InputProps } from "antd";
import type { Rule } from "antd/es/form";

/**
 * A text's length as the server counts it: zod's `.max()` counts UTF-16 code units, so a character
 * outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) counts two. AntD's own `max`
 * rule counts code points instead and would let such a text through to a 400, so it is not used.
 */
export const textLength = (text: string): number => text.length;

type Translate = (zh: string, en: string) => string;

export interface LengthLimit {
  /** For the Input or TextArea: `count={limit.count}`. */
  count: NonNullable<InputProps["count"]>;
  /** For the Form.Item: `rules={[limit.rule]}`. */
  rule: Rule;
  /** For a field outside a form: the message when `text` is too long, else null. */
  excess: (text: string | undefined) => string | null;
}

/**
 * A text field's limit, shown and kept without cutting anything. `maxLength` silently drops what is
 * pasted past the limit; AntD's `count` only shows `n / max` beside the field and turns it red past
 * the limit, and the rule stops the form from saving with a message that names the limit, so the
 * person decides what to shorten.
 */
export function lengthLimit(max: number, t: Translate): LengthLimit {
  const excess = (text: string | undefined) => {
    const n = typeof text === "string" ? textLength(text) : 0;
    return n <= max
      ? null
      : t(`不超过 ${max} 个字（现有 ${n} 个）`, `At most ${max} characters (this has ${n})`);
  };
  return {
    count: { show: true, max, strategy: textLength },
    rule: {
      validator: (_, value: unknown) => {
        const message = excess(typeof value === "string" ? value : undefined);
        return message === null ? Promise.resolve() : Promise.reject(new Error(message));
      },
    },
    excess,
  };
}

/** For a rule's `transform`: the server counts a text's length after trimming it. */
export const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
