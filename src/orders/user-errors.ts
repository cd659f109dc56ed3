/** A mutation's business or validation failure, as the schema's UserError. */
export interface UserErrorValue {
  field: string[] | null;
  message: string;
  code: string;
}

export const userError = (code: string, message: string, field: (string | number)[] | null = null): UserErrorValue => ({
  code,
  message,
  field: field?.map(String) ?? null,
});
