import type { components } from "@/api/schema";

type Person = Pick<components["schemas"]["PersonOutput"], "name" | "name_en">;

/** A person's name in the reader's language: 김민수, or Kim Minsu when English is chosen and known. */
export function personLabel(person: Person, language: string): string {
  return language === "en" && person.name_en ? person.name_en : person.name;
}
