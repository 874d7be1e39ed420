/** A url-encoded form body as @fastify/formbody parses it: a repeated name gives an array. */
export type FormBody = Record<string, string | string[] | undefined> | null | undefined

/** One field's value ("" when absent; the first when repeated). */
export function field(body: FormBody, name: string): string {
  const value = body?.[name]
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/** Every value of a field that may repeat (checkboxes). */
export function fieldList(body: FormBody, name: string): string[] {
  const value = body?.[name]
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}
