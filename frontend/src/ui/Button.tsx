import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./button.css";

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick"> {
  variant?: "primary" | "secondary" | "tertiary" | "danger";
  size?: "small" | "medium" | "large";
  isPending?: boolean;
  isDisabled?: boolean;
  onPress?: () => void;
  children: ReactNode;
}

/**
 * A native button in KRDS's look. The desk's first screens (sign-in, boxes, the document)
 * must load in 170 KB, so they use HTML's own controls; react-aria comes with the screens
 * that need its widgets (docs/decisions/0010-native-controls-on-first-load.md).
 * A pending button stays focusable but refuses a second press: a double tap acts once.
 */
export function Button({
  variant = "secondary",
  size = "medium",
  className,
  children,
  isPending = false,
  isDisabled = false,
  onPress,
  type = "button",
  ...props
}: ButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      {...props}
      type={type}
      disabled={isDisabled}
      aria-disabled={isPending || undefined}
      aria-busy={isPending || undefined}
      data-pending={isPending || undefined}
      onClick={(event) => {
        if (isPending) {
          event.preventDefault();
          return;
        }
        onPress?.();
      }}
      className={["btn", `btn--${variant}`, `btn--${size}`, className].filter(Boolean).join(" ")}
    >
      {children}
      {isPending ? <span className="visually-hidden">{t("state.loading")}</span> : null}
    </button>
  );
}
