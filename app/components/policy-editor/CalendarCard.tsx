// The business calendar: weekend days, business hours, one-off holidays (added by date, or all
// US federal holidays of a year at once) and the recurring holiday rules a preset brought.
import { BlockStack, Button, Card, ChoiceList, FormLayout, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { usFederalHolidays } from "~/domain/calendar/us-federal-holidays";
import { formatDayLongEn, isDayString, parseDay } from "~/domain/calendar";
import { AssumptionList, FieldLabel } from "./Assumptions";
import { ContainerError, TextInput } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ORDINALS: Record<number, string> = { 1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth", [-1]: "Last" };

type HolidayRule = ReturnType<typeof usePolicyForm>["form"]["calendar"]["holidayRules"][number];

function describeRule(rule: HolidayRule): string {
  if (rule.type === "fixed") return `${MONTHS[rule.month - 1]} ${rule.day}${rule.observed === "nearest-weekday" ? ", observed on the nearest weekday" : ""}`;
  return `${ORDINALS[rule.n] ?? `#${rule.n}`} ${WEEKDAYS[rule.weekday - 1]} of ${MONTHS[rule.month - 1]}`;
}

function showDate(date: string): string {
  return isDayString(date) ? formatDayLongEn(parseDay(date)) : date;
}

function HolidayList() {
  const { form, update, errorAt } = usePolicyForm();
  const holidays = form.calendar.holidays;
  const order = holidays.map((h, i) => ({ h, i })).sort((a, b) => (a.h.date < b.h.date ? -1 : a.h.date > b.h.date ? 1 : a.i - b.i));
  if (!holidays.length) {
    return (
      <Text as="p" tone="subdued">
        No one-off holidays.
      </Text>
    );
  }
  return (
    <BlockStack gap="100">
      {order.map(({ h, i }) => {
        const error = errorAt(["calendar", "holidays", i, "date"]) ?? errorAt(["calendar", "holidays", i, "name"]);
        return (
          <InlineStack key={`${h.date}-${i}`} gap="200" align="space-between" blockAlign="center">
            <BlockStack gap="050">
              <Text as="span">
                <Text as="span" fontWeight="semibold">
                  {showDate(h.date)}
                </Text>{" "}
                · {h.name || "(no name)"}
              </Text>
              {error ? (
                <Text as="span" tone="critical" variant="bodySm">
                  {error}
                </Text>
              ) : null}
            </BlockStack>
            <Button
              variant="plain"
              tone="critical"
              accessibilityLabel={`Remove ${h.name} on ${h.date}`}
              onClick={() => update((f) => ({ ...f, calendar: { ...f.calendar, holidays: f.calendar.holidays.filter((_, j) => j !== i) } }), ["calendar", "holidays"])}
            >
              Remove
            </Button>
          </InlineStack>
        );
      })}
    </BlockStack>
  );
}

function AddHoliday({ year }: { year: number }) {
  const { form, update } = usePolicyForm();
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [federalYear, setFederalYear] = useState(String(year));
  const [added, setAdded] = useState<string | null>(null);
  const exists = (d: string) => form.calendar.holidays.some((h) => h.date === d);

  const add = () => {
    update((f) => ({ ...f, calendar: { ...f.calendar, holidays: [...f.calendar.holidays, { date: date.trim(), name: name.trim() || "Holiday" }] } }), ["calendar", "holidays"]);
    setAdded(`Added ${showDate(date.trim())}.`);
    setDate("");
    setName("");
  };
  const addFederal = () => {
    const fresh = usFederalHolidays(Number(federalYear)).filter((h) => !exists(h.date));
    update((f) => ({ ...f, calendar: { ...f.calendar, holidays: [...f.calendar.holidays, ...fresh.map((h) => ({ date: h.date, name: h.name }))] } }), ["calendar", "holidays"]);
    setAdded(fresh.length ? `Added ${fresh.length} US federal holidays for ${federalYear}.` : `The US federal holidays for ${federalYear} are already listed.`);
  };

  return (
    <BlockStack gap="300">
      <InlineGrid columns={["oneThird", "oneThird", "oneThird"]} gap="200" alignItems="end">
        <TextField label="Date" type="date" value={date} onChange={setDate} autoComplete="off" placeholder="YYYY-MM-DD" />
        <TextField label="Name" value={name} onChange={setName} autoComplete="off" placeholder="Company retreat" />
        <Button onClick={add} disabled={!date.trim() || exists(date.trim())}>
          Add holiday
        </Button>
      </InlineGrid>
      <InlineStack align="start" gap="200" blockAlign="end">
        <Select
          label="Year"
          labelInline
          options={[year, year + 1, year + 2].map((y) => ({ label: String(y), value: String(y) }))}
          value={federalYear}
          onChange={setFederalYear}
        />
        <Button onClick={addFederal}>{`Add US federal holidays for ${federalYear}`}</Button>
      </InlineStack>
      {added ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {added}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function RecurringRules() {
  const { form, update } = usePolicyForm();
  const rules = form.calendar.holidayRules;
  if (!rules.length) return null;
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        <FieldLabel label="Recurring holidays (every year)" path={["calendar", "holidayRules"]} />
      </Text>
      {rules.map((rule, i) => (
        <InlineStack key={`${rule.name}-${i}`} gap="200" align="space-between" blockAlign="center">
          <Text as="span">
            <Text as="span" fontWeight="semibold">
              {rule.name}
            </Text>{" "}
            · {describeRule(rule)}
          </Text>
          <Button
            variant="plain"
            tone="critical"
            accessibilityLabel={`Remove recurring holiday ${rule.name}`}
            onClick={() => update((f) => ({ ...f, calendar: { ...f.calendar, holidayRules: f.calendar.holidayRules.filter((_, j) => j !== i) } }), ["calendar", "holidayRules"])}
          >
            Remove
          </Button>
        </InlineStack>
      ))}
    </BlockStack>
  );
}

export function CalendarCard({ year }: { year: number }) {
  const { form, set, errorAt } = usePolicyForm();
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Business calendar
          </Text>
          <Text as="p" tone="subdued">
            {`Business days and hours count service levels ("reply within 2 business days"), in ${form.timeZone}.`}
          </Text>
        </BlockStack>
        <AssumptionList prefixes={["calendar"]} />
        <ChoiceList
          allowMultiple
          title={<FieldLabel label="Weekend days (not business days)" path={["calendar", "weekendDays"]} />}
          choices={WEEKDAYS.map((d, i) => ({ label: d, value: String(i + 1) }))}
          selected={form.calendar.weekendDays.map(String)}
          onChange={(selected) =>
            set(
              ["calendar", "weekendDays"],
              selected.map(Number).sort((a, b) => a - b),
            )
          }
          error={errorAt(["calendar", "weekendDays"])}
        />
        <FormLayout>
          <FormLayout.Group>
            <TextInput path={["calendar", "businessHours", "start"]} label="Business hours start" placeholder="09:00" helpText="HH:MM; 00:00–24:00 counts the whole day." />
            <TextInput path={["calendar", "businessHours", "end"]} label="Business hours end" placeholder="17:00" />
          </FormLayout.Group>
        </FormLayout>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            <FieldLabel label="Holidays" path={["calendar", "holidays"]} />
          </Text>
          <HolidayList />
          <ContainerError path={["calendar", "holidays"]} />
          <AddHoliday year={year} />
        </BlockStack>
        <RecurringRules />
      </BlockStack>
    </Card>
  );
}
