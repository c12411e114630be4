import { forwardRef, type InputHTMLAttributes, useId } from "react";
import "./form-field.css";

export interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  description?: string;
  error?: string | undefined;
}

/** A labelled native input that react-hook-form can register; the error is announced with it. */
export const FormField = forwardRef<HTMLInputElement, FormFieldProps>(function FormField(
  { label, description, error, id, className, ...input },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [description ? `${inputId}-description` : null, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {description ? (
        <p className="field__description" id={`${inputId}-description`}>
          {description}
        </p>
      ) : null}
      <input
        ref={ref}
        id={inputId}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? (
        <p className="field__error" id={`${inputId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
});
