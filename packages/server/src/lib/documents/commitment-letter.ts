import { citationOf, type EligibilityRuleCode, type Policy } from "@luoshu/domain";
import { COLOR, contentWidth, createPdf, FONT, fieldTable, formatChinaDateTime, paragraph } from "./pdf.ts";

/**
 * 承诺书: the legal representative and the PI sign it together when applying and budgeting
 * (LY-FUNDS §24). It is printed, signed, sealed, scanned and uploaded, so it leaves blank lines for
 * the signatures, the seal and the date rather than filling them in.
 */

/** A clause the letter rests on, as the city's policy file states it. */
export interface CommitmentBasis {
  code: EligibilityRuleCode;
  /** "LY-FUNDS §24" */
  citation: string;
  /** Title of the cited document, e.g. 洛阳市应用技术研究与开发资金管理使用办法. */
  documentTitleZh?: string;
  textZh: string;
}

export interface CommitmentLetterData {
  cityNameZh: string;
  /** The bureau the letter is addressed to, e.g. 洛阳市科学技术局; omitted when unknown. */
  addresseeZh?: string;
  guideTitle: string;
  callTitle: string;
  applicationNo: string;
  applicationTitle: string;
  unit: { name: string; uscc: string };
  legalRepresentative: string;
  principalInvestigator: string;
  /** Usually `commitmentBasisOf(policy)`; an empty list prints no citation. */
  basis: readonly CommitmentBasis[];
  generatedAt: Date;
}

const BASIS_CODES: readonly EligibilityRuleCode[] = ["commitmentLetter", "noRepeatFunding"];

/**
 * The clauses of a city's policy that the letter cites: the commitment-letter rule and the
 * no-repeat-funding rule, where the city's documents have them (Luoyang: LY-FUNDS §24 and §17;
 * Datong's documents have neither, and nothing is invented for it).
 */
export function commitmentBasisOf(policy: Policy): CommitmentBasis[] {
  const out: CommitmentBasis[] = [];
  for (const code of BASIS_CODES) {
    const source = policy.eligibility.find((r) => r.code === code)?.source;
    if (source?.kind !== "clause") continue;
    const doc = policy.documents.find((d) => d.code === source.doc);
    out.push({
      code,
      citation: citationOf(source) ?? "",
      ...(doc ? { documentTitleZh: doc.titleZh } : {}),
      textZh: source.textZh,
    });
  }
  return out;
}

function pledges(data: CommitmentLetterData): string[] {
  const cite = (code: EligibilityRuleCode) => {
    const basis = data.basis.find((b) => b.code === code);
    // Non-breaking hyphen and space keep "LY-FUNDS §17" on one line inside the running text.
    return basis ? `（${basis.citation.replaceAll("-", "\u2011").replaceAll(" ", "\u00a0")}）` : "";
  };
  return [
    `本单位和项目负责人对申报材料及预算编报所提供的全部信息的真实性、准确性和完整性负责，不存在弄虚作假、抄袭剽窃等行为${cite("commitmentLetter")}。`,
    `本项目未获得过${data.cityNameZh}市级财政科技资金支持，不存在重复申报或变相重复申报的情形${cite("noRepeatFunding")}。`,
    "项目预算按照资金管理办法的规定科学、合理、真实编制，目标相关、政策相符、经济合理；获得支持后专款专用、单独核算，不截留、挪用、挤占项目资金。",
    "自觉接受科技、财政、审计等部门的监督检查，按要求如实提供相关资料。",
    "如有信息虚假或违反上述承诺，本单位和项目负责人愿意承担由此导致的一切后果，接受约谈、通报批评、终止项目、追回资金、取消申报资格、记入科研诚信记录等处理。",
  ];
}

export async function renderCommitmentLetter(data: CommitmentLetterData): Promise<Buffer> {
  const writer = createPdf({
    title: `承诺书 ${data.applicationNo}`,
    subject: data.applicationTitle,
    generatedAt: data.generatedAt,
  });
  const { doc } = writer;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);

  doc.font(FONT.bold).fontSize(20).text("项目申报承诺书", left, doc.y, { width, align: "center" });
  doc.moveDown(0.8);

  fieldTable(doc, [
    ["申报指南", data.guideTitle],
    ["申报批次", data.callTitle],
    ["申报编号", data.applicationNo],
    ["项目名称", data.applicationTitle],
    ["项目承担单位", data.unit.name],
    ["统一社会信用代码", data.unit.uscc],
    ["法定代表人", data.legalRepresentative],
    ["项目负责人", data.principalInvestigator],
  ]);

  doc.moveDown(0.3);
  if (data.addresseeZh) paragraph(doc, `${data.addresseeZh}：`, { indent: false });
  paragraph(doc, `本单位（${data.unit.name}）法定代表人与项目负责人共同作出如下承诺，并对承诺内容负责：`);
  pledges(data).forEach((text, i) => {
    paragraph(doc, `${"一二三四五六七八九十"[i]}、${text}`);
  });

  // The signature block stays on one page; the gaps leave room to sign and to stamp the seal.
  const gap = 34;
  if (doc.y + 3 * gap + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1);
  const top = doc.y;
  const half = width / 2;
  const rows: [string, string][] = [
    ["法定代表人（签字）：", "项目负责人（签字）："],
    ["项目承担单位（公章）", ""],
    ["日期：      年    月    日", "日期：      年    月    日"],
  ];
  doc.font(FONT.regular).fontSize(11);
  rows.forEach(([a, b], i) => {
    doc.text(a, left, top + i * gap, { width: half - 12, lineBreak: false });
    doc.text(b, left + half, top + i * gap, { width: half - 12, lineBreak: false });
  });
  doc.x = left;
  doc.y = top + 2 * gap + 20;

  if (data.basis.length > 0) {
    doc.moveDown(0.5);
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
    for (const b of data.basis) {
      const title = b.documentTitleZh ? `《${b.documentTitleZh}》` : "";
      doc.text(`${b.citation}${title}：${b.textZh}`, left, doc.y, { width, lineGap: 1.5 });
    }
    doc.fillColor(COLOR.text);
  }

  const citations = data.basis.map((b) => b.citation).join("；");
  return writer.finish({
    header: `${data.cityNameZh} · ${data.guideTitle}`,
    headerRight: `申报编号 ${data.applicationNo}`,
    footerLines: [
      ...(citations ? [`依据：${citations}`] : []),
      `生成时间 ${formatChinaDateTime(data.generatedAt)}（北京时间）`,
    ],
  });
}
