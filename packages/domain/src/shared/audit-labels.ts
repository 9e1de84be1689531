/**
 * What each audit action and entity type is called, in Chinese and English: the one map the
 * auditor's page and the audit export both read. An action not listed (a newer one) shows its code.
 */
type Label = { zh: string; en: string };

export const auditActionLabels: Record<string, Label> = {
  "auth.login": { zh: "登录", en: "Signed in" },
  "auth.loginFailed": { zh: "登录失败", en: "Failed sign-in" },
  "auth.logout": { zh: "退出登录", en: "Signed out" },
  "auth.passwordChanged": { zh: "修改密码", en: "Changed password" },
  "user.create": { zh: "创建账号", en: "Created an account" },
  "user.update": { zh: "修改账号", en: "Changed an account" },
  "user.grantRoles": { zh: "授予角色", en: "Granted roles" },
  "unit.create": { zh: "登记单位", en: "Registered a unit" },
  "unit.update": { zh: "修改单位信息", en: "Changed a unit" },
  "integrity.create": { zh: "登记诚信记录", en: "Recorded an integrity record" },
  "notification.read": { zh: "阅读通知", en: "Read a notification" },
  "need.submit": { zh: "提交技术需求", en: "Submitted a need" },
  "need.accept": { zh: "采纳技术需求", en: "Accepted a need" },
  "need.merge": { zh: "合并技术需求", en: "Merged a need" },
  "need.reject": { zh: "不采纳技术需求", en: "Rejected a need" },
  "guide.create": { zh: "起草申报指南", en: "Drafted a guide" },
  "guide.update": { zh: "修改申报指南", en: "Edited a guide" },
  "guide.submitForReview": { zh: "指南提交内部审核", en: "Sent a guide for internal review" },
  "guide.coIssue": { zh: "财政局会同发布指南", en: "Co-issued a guide (finance)" },
  "guide.returnToDraft": { zh: "指南退回草稿", en: "Returned a guide to draft" },
  "guide.publish": { zh: "发布申报指南", en: "Published a guide" },
  "guide.close": { zh: "关闭申报指南", en: "Closed a guide" },
  "guide.archive": { zh: "归档申报指南", en: "Archived a guide" },
  "application.create": { zh: "新建申报书", en: "Started an application" },
  "application.saveDraft": { zh: "保存申报书草稿", en: "Saved an application draft" },
  "application.attachment": { zh: "上传申报附件", en: "Uploaded an attachment" },
  "application.commitment.pi": { zh: "项目负责人确认承诺书", en: "PI confirmed the commitment" },
  "application.commitment.unit": { zh: "单位确认承诺书", en: "Unit confirmed the commitment" },
  "application.submit": { zh: "提交申报书", en: "Submitted an application" },
  "application.submitToBureau": {
    zh: "提交申报书（直接报送形式审查）",
    en: "Submitted an application to the formal check",
  },
  "application.resubmitToDistrict": { zh: "重新提交县区", en: "Resubmitted to the district" },
  "application.resubmitToAgency": { zh: "重新提交形式审查", en: "Resubmitted to the formal check" },
  "application.withdraw": { zh: "撤回申报书", en: "Withdrew an application" },
  "application.recommend": { zh: "县区推荐", en: "District recommended" },
  "application.districtReturn": { zh: "县区退回修改", en: "District returned" },
  "application.districtReject": { zh: "县区不予推荐", en: "District rejected" },
  "application.formalPass": { zh: "形式审查通过", en: "Passed the formal check" },
  "application.formalReturn": { zh: "形式审查退回修改", en: "Formal check returned" },
  "application.formalReject": { zh: "形式审查不通过", en: "Failed the formal check" },
  "application.dedupDecision": { zh: "查重认定", en: "Decided a duplicate check" },
  "expert.import": { zh: "导入专家", en: "Imported experts" },
  "expert.create": { zh: "专家入库", en: "Added an expert to the pool" },
  "expert.suspend": { zh: "暂停专家", en: "Suspended an expert" },
  "expert.reinstate": { zh: "恢复专家", en: "Reinstated an expert" },
  "expert.updateOwn": { zh: "专家修改本人信息", en: "An expert changed their profile" },
  "taskBook.draw": { zh: "拟定计划任务书", en: "Drew up a task book" },
  "taskBook.confirmUnit": { zh: "承担单位确认任务书", en: "The unit confirmed a task book" },
  "taskBook.confirmBureau": { zh: "市科技局确认任务书", en: "The bureau confirmed a task book" },
  "taskBook.sign": { zh: "上传签订的任务书", en: "Uploaded a signed task book" },
  "taskBook.template": { zh: "修改任务书模板", en: "Edited the task book terms" },
  "project.responsibleOfficer": { zh: "指定项目责任人", en: "Named a project's responsible officer" },
  "payment.prepare": { zh: "提出拨款", en: "Prepared a payment" },
  "payment.approve": { zh: "财政审核拨款", en: "Approved a payment (finance)" },
  "payment.pay": { zh: "拨付资金", en: "Paid" },
  "payment.cancel": { zh: "撤销拨款", en: "Cancelled a payment" },
  "fundPush.push": { zh: "向基金推送企业", en: "Pushed an enterprise to the fund" },
  "fundPush.invest": { zh: "基金决定投资", en: "The fund decided to invest" },
  "fundPush.decline": { zh: "基金不予投资", en: "The fund declined" },
  "fundPush.followUp": { zh: "基金跟踪了解", en: "The fund follows up" },
};

export const auditEntityLabels: Record<string, Label> = {
  user: { zh: "账号", en: "Account" },
  unit: { zh: "单位", en: "Unit" },
  integrityRecord: { zh: "诚信记录", en: "Integrity record" },
  notification: { zh: "通知", en: "Notification" },
  need: { zh: "技术需求", en: "Need" },
  project: { zh: "项目", en: "Project" },
  payment: { zh: "拨款", en: "Payment" },
  fundPush: { zh: "基金推送", en: "Fund push" },
  taskBookTemplate: { zh: "任务书模板", en: "Task book terms" },
  guide: { zh: "申报指南", en: "Guide" },
  application: { zh: "申报书", en: "Application" },
  expert: { zh: "专家", en: "Expert" },
};

const labelOf = (map: Record<string, Label>, code: string): Label =>
  (Object.hasOwn(map, code) ? map[code] : undefined) ?? { zh: code, en: code };

export const auditActionLabel = (action: string): Label => labelOf(auditActionLabels, action);
export const auditEntityLabel = (entityType: string): Label => labelOf(auditEntityLabels, entityType);
