{{%AUTOESCAPE context="HTML"}}<div class="reno-money" data-page="office-renovation-money" data-renovation-id="{{ID}}" data-state="{{STATE}}" data-version="{{VERSION}}">
{{>CASE_HEAD}}
{{#SAVED}}  <p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}{{#CHARGE}}  <section class="card" data-section="charge" data-bill-id="{{BILL_ID}}" data-paid="{{PAID_STATE}}">
    <div class="heading-row">
      <h2>押金收费</h2>
      <span class="reno-paid paid-{{PAID_STATE}}" data-paid-name>{{PAID_NAME}}</span>
    </div>
    <dl class="facts">
      <dt>装修保证金</dt><dd>¥{{DEPOSIT}}</dd>
      <dt>出入证押金</dt><dd>{{WORKERS}} 张 × ¥{{PASS_FEE}}</dd>
      <dt>应收合计</dt><dd data-charge-amount>¥{{AMOUNT}}</dd>
      <dt>已收</dt><dd data-charge-paid>¥{{PAID}}</dd>
      <dt>未收</dt><dd data-charge-owed>¥{{OWED}}</dd>
    </dl>
    <p>{{#BILL_LINK}}<a href="/office/bill?id={{BILL_ID:u}}">查看账单</a>{{/BILL_LINK}}{{#PAY_LINK}} · <a class="button small" href="/office/payment?unit={{UNIT_CODE:u}}" data-pay-link>到收款页收款</a>{{/PAY_LINK}}</p>
  </section>
{{/CHARGE}}{{#APPROVE_WAIT}}  <p class="hint card">申请待审批：须由有审批权限的岗位（设置 renovation_approve_roles，默认管理处主任）审批。</p>
{{/APPROVE_WAIT}}{{#APPROVE_FORM}}  <section class="card" data-section="approve">
    <h2>审批通过并收取押金</h2>
    <form class="stack" method="post" action="/office/renovation-money?id={{ID:u}}" data-form="approve">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="approve">
      <input type="hidden" name="version" value="{{VERSION}}">
      <fieldset class="choice">
        <legend>审核项目（已核对的打勾）</legend>
        <div class="reno-checklist">
{{#CHECK}}          <label><input type="checkbox" name="checklist" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
{{/CHECK}}        </div>
      </fieldset>
{{#CHECKLIST_ERROR}}      <p class="field-error" data-field="checklist">{{MESSAGE}}</p>
{{/CHECKLIST_ERROR}}      <label for="reno-deposit">装修保证金（元，1–100000）</label>
      <input id="reno-deposit" name="deposit" value="{{DEPOSIT}}" inputmode="decimal" maxlength="12" required>
{{#DEPOSIT_ERROR}}      <p class="field-error" data-field="deposit">{{MESSAGE}}</p>
{{/DEPOSIT_ERROR}}      <label for="reno-pass-fee">出入证押金（元/张，按施工人数收取）</label>
      <input id="reno-pass-fee" name="pass_fee" value="{{PASS_FEE}}" inputmode="decimal" maxlength="12" required>
{{#PASS_FEE_ERROR}}      <p class="field-error" data-field="pass_fee">{{MESSAGE}}</p>
{{/PASS_FEE_ERROR}}      <label for="reno-note">审批意见</label>
      <textarea id="reno-note" name="note" rows="2" maxlength="1000">{{NOTE:pre_escape}}</textarea>
{{#NOTE_ERROR}}      <p class="field-error" data-field="note">{{MESSAGE}}</p>
{{/NOTE_ERROR}}      <p class="hint">审批后生成一张临时收费账单（装修保证金 + 出入证押金），业主缴清后方可发放装修许可证。</p>
      <button type="submit" class="primary">审批通过</button>
    </form>
  </section>
{{/APPROVE_FORM}}{{#PERMIT_FORM}}  <section class="card" data-section="permit-form">
    <h2>发放装修许可证</h2>
{{#UNPAID}}    <p class="field-error form-notice" data-unpaid>押金未缴清：请业主先到收款处缴清装修保证金和出入证押金，再发放许可证。</p>
{{/UNPAID}}    <form class="stack" method="post" action="/office/renovation-money?id={{ID:u}}" data-form="permit">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="permit">
      <input type="hidden" name="version" value="{{VERSION}}">
      <label for="reno-permit-from">许可开始日期</label>
      <input id="reno-permit-from" type="date" name="permit_from" value="{{PERMIT_FROM}}">
{{#PERMIT_FROM_ERROR}}      <p class="field-error" data-field="permit_from">{{MESSAGE}}</p>
{{/PERMIT_FROM_ERROR}}      <label for="reno-permit-to">许可截止日期</label>
      <input id="reno-permit-to" type="date" name="permit_to" value="{{PERMIT_TO}}">
{{#PERMIT_TO_ERROR}}      <p class="field-error" data-field="permit_to">{{MESSAGE}}</p>
{{/PERMIT_TO_ERROR}}      <button type="submit" class="primary">发放许可证</button>
    </form>
  </section>
{{/PERMIT_FORM}}{{#PERMIT}}  <section class="card" data-section="permit" data-permit-no="{{PERMIT_NO}}">
    <div class="heading-row">
      <h2>装修许可证 {{PERMIT_NO}}</h2>
      <a class="button small" href="/office/renovation-permit?id={{ID:u}}" data-permit-link>打印许可证</a>
    </div>
    <p>许可施工期 {{FROM}} 至 {{TO}}</p>
  </section>
{{/PERMIT}}{{#STATEMENT}}  <section class="card" data-section="statement" data-refund-fen="{{REFUND_FEN}}">
    <h2>{{TITLE}}</h2>
    <table class="list reno-statement">
      <tbody>
        <tr><th>装修保证金</th><td class="money">{{DEPOSIT}}</td></tr>
        <tr><th>扣除合计</th><td class="money" data-deductions>−{{DEDUCTIONS}}</td></tr>
        <tr><th>保证金退还</th><td class="money" data-deposit-back>{{DEPOSIT_BACK}}</td></tr>
        <tr><th>出入证押金</th><td class="money">{{WORKERS}} 张 × {{PASS_FEE}}，遗失 <span data-lost>{{LOST}}</span> 张，未交回 {{ISSUED}} 张</td></tr>
        <tr><th>出入证押金退还</th><td class="money" data-passes-back>{{PASSES_BACK}}</td></tr>
        <tr class="total"><th>退款合计</th><td class="money" data-refund>¥{{REFUND}}</td></tr>
      </tbody>
    </table>
    <p class="hint">已收押金 ¥{{PAID}}；退款不超过已收金额。</p>
    <h3>扣款明细</h3>
{{#NO_DEDUCTIONS}}    <p class="hint">没有扣款。</p>
{{/NO_DEDUCTIONS}}    <ul class="reno-deductions">
{{#DEDUCTION}}      <li data-deduction><span class="money">−{{AMOUNT}}</span> {{REASON}} <span class="hint">{{DATE}} {{STAFF}}</span></li>
{{/DEDUCTION}}    </ul>
{{#RECEIPT}}    <p>退款凭证 <a href="/office/payment?id={{ID:u}}" data-refund-receipt>{{RECEIPT_NO}}</a></p>
{{/RECEIPT}}  </section>
{{/STATEMENT}}{{#REFUND_WAIT}}  <p class="hint card">验收已通过，请业主凭收据到收款处，由收款员办理押金退款。</p>
{{/REFUND_WAIT}}{{#REFUND_FORM}}  <section class="card" data-section="refund">
    <h2>退还押金并结案</h2>
{{#PASSES_OUT}}    <p class="field-error form-notice" data-blocker="passes">还有 {{COUNT}} 张出入证未交回：请先在“出入证”页登记交回或遗失。</p>
{{/PASSES_OUT}}{{#VIOLATIONS_OPEN}}    <p class="field-error form-notice" data-blocker="violations">还有 {{COUNT}} 份违章通知未整改完毕。</p>
{{/VIOLATIONS_OPEN}}    <form class="stack" method="post" action="/office/renovation-money?id={{ID:u}}" data-form="refund">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="refund">
      <input type="hidden" name="version" value="{{VERSION}}">
      <input type="hidden" name="form_key" value="{{FORM_KEY}}">
      <label for="reno-method">退款方式</label>
      <select id="reno-method" name="method">
{{#METHOD}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/METHOD}}      </select>
      <label for="reno-payer">领款人（不填为申请人）</label>
      <input id="reno-payer" name="payer" value="{{PAYER}}" maxlength="50">
{{#PAYER_ERROR}}      <p class="field-error" data-field="payer">{{MESSAGE}}</p>
{{/PAYER_ERROR}}      <p class="hint">退还 ¥{{REFUND}}：生成一张负数的临时账单和一张退款凭证（计入您今天的日清），案卷结案，房屋状态恢复。</p>
      <button type="submit" class="primary">确认退款 ¥{{REFUND}}</button>
    </form>
  </section>
{{/REFUND_FORM}}</div>
