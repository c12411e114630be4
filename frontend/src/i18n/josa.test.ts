import i18n from "@/i18n";

describe("the josa formatter", () => {
  it("picks the particle that fits the word in Korean", async () => {
    await i18n.changeLanguage("ko");
    expect(i18n.t("auth:required", { field: "아이디" })).toBe("아이디를 입력하세요.");
    expect(i18n.t("auth:required", { field: "비밀번호" })).toBe("비밀번호를 입력하세요.");
    expect(i18n.t("auth:required", { field: "제목" })).toBe("제목을 입력하세요.");
  });
  it("leaves English alone", async () => {
    await i18n.changeLanguage("en");
    expect(i18n.t("auth:required", { field: "password" })).toBe("Enter your password.");
    await i18n.changeLanguage("ko");
  });
});
