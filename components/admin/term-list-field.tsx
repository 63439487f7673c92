import { FormField, fieldDescription } from "./form-field";
import { inputClass } from "./styles";
import { termSuggestions } from "./term-suggestions";

/** A comma-separated list of tags or categories, with the names already in use offered as suggestions. */
export function TermListField({
  name,
  label,
  value,
  known,
  error,
  onChange,
}: {
  name: "tags" | "categories";
  label: string;
  value: string;
  known: string[];
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = `post-${name}`;
  return (
    <FormField id={id} label={label} hint="Separated by commas." error={error}>
      <input
        {...fieldDescription(id, true, error)}
        name={name}
        list={`${id}-options`}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      />
      <datalist id={`${id}-options`}>
        {termSuggestions(value, known).map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </FormField>
  );
}
