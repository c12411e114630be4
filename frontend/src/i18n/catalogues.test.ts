import { loadCatalogues } from "@/i18n";

function keys(catalogue: unknown, prefix = ""): string[] {
  if (typeof catalogue !== "object" || catalogue === null) return [prefix];
  return Object.entries(catalogue).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe("the catalogues", () => {
  it("load the shared strings as the common namespace", async () => {
    const resources = await loadCatalogues();
    expect(resources.ko.common).toBeDefined();
    expect(Object.keys(resources.ko)).toContain("auth");
  });
  it("have the same keys in Korean and English for every screen", async () => {
    const resources = await loadCatalogues();
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.ko).sort());
    for (const namespace of Object.keys(resources.ko)) {
      expect.soft(keys(resources.en[namespace]).sort(), namespace).toEqual(keys(resources.ko[namespace]).sort());
    }
  });
});
