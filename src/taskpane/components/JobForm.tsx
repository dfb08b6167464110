// Choosing a job, its input sheets and its few options.

import * as React from "react";
import {
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Switch,
  tokens,
} from "@fluentui/react-components";
import type { JobOptionSpec, JobSpec } from "../../workbook/jobs/job";
import { pick, UI, type Lang } from "../i18n";
import type { Handler, OptionHandler, SheetChoiceHandler } from "../handlers";
import { NONE, optionProblem, parseOptionInput, type OptionValue, type OptionValues } from "../run";
import {
  formatOptionValue,
  optionHint,
  unitWords,
  withoutFlags,
  type BudgetUnitKey,
} from "../form";

const AUTO = "";

export interface JobFormProps {
  lang: Lang;
  jobs: JobSpec[];
  job: JobSpec | undefined;
  onJob: Handler<string>;
  sheetNames: string[];
  sheets: Record<string, string | undefined>;
  onSheet: SheetChoiceHandler;
  options: OptionValues;
  onOption: OptionHandler;
  disabled: boolean;
  /** Units the data gives an option (the budget: triệu đồng, tiêu chí or chỉ tiêu), over its declared one. */
  units?: Record<string, BudgetUnitKey | undefined>;
  /** Defaults that follow the workbook (the bands of its period), over the declared ones. */
  shownDefaults?: Record<string, string | number | undefined>;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

export function JobForm(props: JobFormProps): React.JSX.Element {
  const { lang, job } = props;
  const styles = useStyles();
  return (
    <div className={styles.form}>
      <Field label={pick(UI.job, lang)}>
        <Select
          data-testid="job-picker"
          value={job?.id ?? ""}
          disabled={props.disabled}
          onChange={(_, d) => props.onJob(d.value)}
        >
          {props.jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {pick(j.label, lang)}
            </option>
          ))}
        </Select>
      </Field>
      {job && job.inputs.length > 0 && (
        <Subtitle2 as="h2" className={styles.heading}>
          {pick(UI.inputs, lang)}
        </Subtitle2>
      )}
      {job?.inputs.map((input) => (
        <Field
          key={input.id}
          label={`${pick(input.label, lang)} (${pick(input.required ? UI.required : UI.optional, lang)})`}
        >
          <Select
            data-testid={`input-${input.id}`}
            value={props.sheets[input.id] ?? AUTO}
            disabled={props.disabled}
            onChange={(_, d) => props.onSheet(input.id, d.value === AUTO ? undefined : d.value)}
          >
            <option value={AUTO}>{pick(UI.autoDetect, lang)}</option>
            {!input.required && <option value={NONE}>{pick(UI.none, lang)}</option>}
            {props.sheetNames.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {job && job.options.length > 0 && (
        <Subtitle2 as="h2" className={styles.heading}>
          {pick(UI.options, lang)}
        </Subtitle2>
      )}
      {job?.options.map((option) => (
        <OptionField
          key={option.id}
          lang={lang}
          job={job}
          unit={props.units?.[option.id]}
          shownDefault={props.shownDefaults?.[option.id]}
          option={option}
          value={props.options[option.id]}
          disabled={props.disabled}
          onChange={(v) => props.onOption(option.id, v)}
        />
      ))}
    </div>
  );
}

/** One declared option as a form field (number, text, choice or switch), with its unit, help and refusal. */
export function OptionField(props: {
  lang: Lang;
  job?: JobSpec;
  unit?: BudgetUnitKey;
  shownDefault?: string | number;
  option: JobOptionSpec;
  value: string | number | boolean | undefined;
  disabled: boolean;
  onChange: Handler<OptionValue>;
  /** What an empty field shows instead of the option's example (the value an empty field applies). */
  placeholder?: string;
}): React.JSX.Element {
  const { option, lang } = props;
  const unitKey = props.unit ?? option.unit;
  const unit = unitKey ? ` (${unitWords(unitKey, lang)})` : "";
  const label = `${pick(option.label, lang)}${unit}`;
  const hint = optionHint(option, lang, props.job, props.shownDefault);
  const testId = `option-${option.id}`;
  if (option.type === "boolean") {
    return (
      <Field hint={hint}>
        <Switch
          data-testid={testId}
          label={label}
          checked={Boolean(props.value)}
          disabled={props.disabled}
          onChange={(_, d) => props.onChange(d.checked)}
        />
      </Field>
    );
  }
  if (option.type === "choice") {
    return (
      <Field label={label} hint={hint}>
        <Select
          data-testid={testId}
          value={props.value === undefined ? "" : String(props.value)}
          disabled={props.disabled}
          onChange={(_, d) => props.onChange(d.value === "" ? undefined : d.value)}
        >
          {option.default === undefined && <option value="" />}
          {(option.choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {pick(c.label, lang)}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  return <TextOption {...props} label={label} hint={hint} testId={testId} />;
}

/** Keeps what the user typed ("1500,5") while passing the parsed value up; shows the job's refusal as they type. */
function TextOption(props: {
  option: JobOptionSpec;
  value: string | number | boolean | undefined;
  disabled: boolean;
  onChange: Handler<string | number | undefined>;
  label: string;
  hint?: string;
  testId: string;
  lang: Lang;
  placeholder?: string;
}): React.JSX.Element {
  const initial = props.value === undefined ? "" : formatOptionValue(props.value, props.lang);
  const [text, setText] = React.useState(initial);
  // A value set from outside (the bands of the workbook's period) replaces the text, unless it is what was typed.
  React.useEffect(() => {
    if (props.value !== parseOptionInput(props.option, text))
      setText(props.value === undefined ? "" : formatOptionValue(props.value, props.lang));
    // Only a new value from outside: the text follows it, not the other way round.
  }, [props.value]);
  const problem = optionProblem(props.option, text);
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={problem ? "error" : "none"}
      validationMessage={problem ? withoutFlags(problem, undefined, props.lang) : undefined}
    >
      <Input
        data-testid={props.testId}
        value={text}
        // Only words of what an empty field applies (the report frame's dotted blank), never an example value.
        placeholder={props.placeholder}
        inputMode={props.option.type === "number" ? "decimal" : "text"}
        disabled={props.disabled}
        onChange={(_, d) => {
          setText(d.value);
          props.onChange(parseOptionInput(props.option, d.value));
        }}
      />
    </Field>
  );
}
