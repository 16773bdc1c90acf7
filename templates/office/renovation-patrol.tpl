{{%AUTOESCAPE context="HTML"}}<div class="reno-patrol" data-page="office-renovation-patrol" data-renovation-id="{{ID}}" data-state="{{STATE}}" data-version="{{VERSION}}">
{{>CASE_HEAD}}
{{#SAVED}}<p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}{{#NOT_ACTIVE}}<p class="hint card">案卷现在是“{{STATE_NAME}}”：只有施工中和待验收的现场可以记录巡查和开具违章通知书。</p>
{{/NOT_ACTIVE}}
<datalist id="reno-rules">
{{#RULE_OPTION}}  <option value="{{RULE}}"></option>
{{/RULE_OPTION}}</datalist>

<section class="card reno-patrols" aria-labelledby="reno-patrols-h">
  <h2 id="reno-patrols-h">巡查记录</h2>
{{#PATROL_FORM}}  <details class="action"{{#ACTION_ERROR}} open{{/ACTION_ERROR}}{{#PATROL_DATE_ERROR}} open{{/PATROL_DATE_ERROR}}{{#FINDINGS_ERROR}} open{{/FINDINGS_ERROR}}{{#PHOTO_ERROR}} open{{/PHOTO_ERROR}}{{#RULE_ERROR}} open{{/RULE_ERROR}}{{#DEADLINE_ERROR}} open{{/DEADLINE_ERROR}}>
    <summary>记录一次巡查</summary>
    <form class="stack" method="post" action="/office/renovation-patrol?id={{CASE_ID:u}}" enctype="multipart/form-data" data-action="patrol">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="patrol">
      <input type="hidden" name="version" value="{{VERSION}}">
{{#ACTION_ERROR}}      <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}      <label for="patrol-date">巡查日期</label>
      <input id="patrol-date" type="date" name="patrol_date" value="{{PATROL_DATE}}" min="{{PERMIT_FROM}}" max="{{TODAY}}" required>
{{#PATROL_DATE_ERROR}}      <p class="field-error" data-field="patrol_date">{{MESSAGE}}</p>
{{/PATROL_DATE_ERROR}}      <fieldset class="choice">
        <legend>巡查结果</legend>
        <div class="segmented">
          <label><input type="radio" name="result" value="ok"{{#OK_CHECKED}} checked{{/OK_CHECKED}}> 正常</label>
          <label><input type="radio" name="result" value="violation"{{#VIOLATION_CHECKED}} checked{{/VIOLATION_CHECKED}}> 发现违章</label>
        </div>
      </fieldset>
{{#RESULT_ERROR}}      <p class="field-error" data-field="result">{{MESSAGE}}</p>
{{/RESULT_ERROR}}      <label for="patrol-findings">巡查情况</label>
      <textarea id="patrol-findings" name="findings" rows="3" maxlength="2000" placeholder="施工内容、现场情况；发现违章时必填">{{FINDINGS:pre_escape}}</textarea>
{{#FINDINGS_ERROR}}      <p class="field-error" data-field="findings">{{MESSAGE}}</p>
{{/FINDINGS_ERROR}}      <label for="patrol-photo">现场照片（最多 5 张，JPEG、PNG 或 WebP，每张不超过 5 MB）</label>
      <input id="patrol-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" multiple>
{{#PHOTO_ERROR}}      <p class="field-error" data-field="photo">{{MESSAGE}}</p>
{{/PHOTO_ERROR}}      <fieldset class="reno-notice-part">
        <legend>同时开具违章通知书（发现违章时可选）</legend>
        <label for="patrol-rule">违反的规定</label>
        <input id="patrol-rule" name="rule" list="reno-rules" maxlength="200" value="{{RULE}}" placeholder="从列表选择或直接填写">
{{#RULE_ERROR}}        <p class="field-error" data-field="rule">{{MESSAGE}}</p>
{{/RULE_ERROR}}        <label for="patrol-detail">违章情况</label>
        <textarea id="patrol-detail" name="detail" rows="2" maxlength="1000">{{DETAIL:pre_escape}}</textarea>
        <label for="patrol-deadline">整改期限</label>
        <input id="patrol-deadline" type="date" name="deadline" value="{{DEADLINE}}">
{{#DEADLINE_ERROR}}        <p class="field-error" data-field="deadline">{{MESSAGE}}</p>
{{/DEADLINE_ERROR}}      </fieldset>
      <button type="submit" class="primary">保存巡查记录</button>
    </form>
  </details>
{{/PATROL_FORM}}{{#NO_PATROLS}}  <p class="empty">还没有巡查记录。</p>
{{/NO_PATROLS}}  <ol class="reno-patrol-list">
{{#PATROL_ROW}}    <li class="reno-patrol-item result-{{RESULT}}" data-patrol-id="{{ID}}" data-result="{{RESULT}}">
      <p class="reno-patrol-head"><strong>{{DATE}}</strong> <span class="reno-result">{{RESULT_NAME}}</span> <span class="hint">巡查人 {{STAFF}}</span></p>
      <p class="reno-findings">{{FINDINGS:pre_escape}}</p>
      <ul class="reno-photos">
{{#PHOTO}}        <li><a href="/office/renovation-file?id={{FILE_ID:u}}" data-file-id="{{FILE_ID}}"><img src="/office/renovation-file?id={{FILE_ID:u}}" alt="{{NAME}}" loading="lazy"></a></li>
{{/PHOTO}}      </ul>
    </li>
{{/PATROL_ROW}}  </ol>
</section>

<section class="card reno-violations" aria-labelledby="reno-violations-h">
  <h2 id="reno-violations-h">违章通知书</h2>
{{#NOTICE_FORM}}  <details class="action"{{#ACTION_ERROR}} open{{/ACTION_ERROR}}{{#RULE_ERROR}} open{{/RULE_ERROR}}{{#DEADLINE_ERROR}} open{{/DEADLINE_ERROR}}>
    <summary>开具违章通知书</summary>
    <form class="stack" method="post" action="/office/renovation-patrol?id={{CASE_ID:u}}" data-action="violation">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="violation">
      <input type="hidden" name="version" value="{{VERSION}}">
{{#ACTION_ERROR}}      <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}      <label for="notice-rule">违反的规定</label>
      <input id="notice-rule" name="rule" list="reno-rules" maxlength="200" value="{{RULE}}" placeholder="从列表选择或直接填写" required>
{{#RULE_ERROR}}      <p class="field-error" data-field="rule">{{MESSAGE}}</p>
{{/RULE_ERROR}}      <label for="notice-detail">违章情况</label>
      <textarea id="notice-detail" name="detail" rows="2" maxlength="1000">{{DETAIL:pre_escape}}</textarea>
      <label for="notice-deadline">整改期限</label>
      <input id="notice-deadline" type="date" name="deadline" value="{{DEADLINE}}" required>
{{#DEADLINE_ERROR}}      <p class="field-error" data-field="deadline">{{MESSAGE}}</p>
{{/DEADLINE_ERROR}}      <button type="submit" class="primary">开具通知书</button>
    </form>
  </details>
{{/NOTICE_FORM}}{{#NO_VIOLATIONS}}  <p class="empty">没有违章通知书。</p>
{{/NO_VIOLATIONS}}  <ul class="reno-violation-list">
{{#VIOLATION_ROW}}    <li class="reno-violation v-{{STATE}}" data-violation-id="{{ID}}" data-notice-no="{{NOTICE_NO}}" data-state="{{STATE}}" data-overdue="{{OVERDUE}}">
      <p class="reno-violation-head"><a href="/office/renovation-violation?id={{ID:u}}"><strong>{{NOTICE_NO}}</strong></a> <span class="reno-vstate">{{STATE_NAME}}</span>{{#OVERDUE_MARK}} <span class="overdue" data-overdue-mark>已逾期</span>{{/OVERDUE_MARK}}</p>
      <p><strong>{{RULE}}</strong> {{DETAIL}}</p>
      <p class="hint">整改期限 <span data-deadline>{{DEADLINE}}</span> · {{ISSUED_BY}} 于 {{ISSUED_AT}} 开具 · <a href="/office/renovation-violation?id={{ID:u}}">打印通知书</a></p>
{{#RECHECKED}}      <p class="hint">复查：{{BY}} {{AT}} · {{NOTE}}</p>
{{/RECHECKED}}{{#RECHECK_FORM}}      <details class="action"{{#NOTE_ERROR}} open{{/NOTE_ERROR}}{{#OUTCOME_ERROR}} open{{/OUTCOME_ERROR}}{{#ACTION_ERROR}} open{{/ACTION_ERROR}}>
        <summary>复查</summary>
        <form class="stack" method="post" action="/office/renovation-patrol?id={{CASE_ID:u}}" data-action="recheck">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="action" value="recheck">
          <input type="hidden" name="version" value="{{VERSION}}">
          <input type="hidden" name="violation" value="{{VIOLATION_ID}}">
{{#ACTION_ERROR}}          <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}          <div class="segmented">
            <label><input type="radio" name="outcome" value="rectified" required> 已整改，关闭</label>
            <label><input type="radio" name="outcome" value="escalate"> 未整改，升级处理</label>
          </div>
{{#OUTCOME_ERROR}}          <p class="field-error" data-field="outcome">{{MESSAGE}}</p>
{{/OUTCOME_ERROR}}          <label>复查情况 <textarea name="note" rows="2" maxlength="1000" required>{{NOTE:pre_escape}}</textarea></label>
{{#NOTE_ERROR}}          <p class="field-error" data-field="note">{{MESSAGE}}</p>
{{/NOTE_ERROR}}          <button type="submit" class="secondary">保存复查结果</button>
        </form>
      </details>
{{/RECHECK_FORM}}    </li>
{{/VIOLATION_ROW}}  </ul>
</section>

<section class="card reno-deductions" aria-labelledby="reno-deductions-h" data-deposit="{{DEPOSIT}}" data-deducted="{{DEDUCTED}}">
  <h2 id="reno-deductions-h">保证金扣款</h2>
  <p>装修保证金 <strong>{{DEPOSIT}}</strong> 元，已扣 <strong data-deducted-total>{{DEDUCTED}}</strong> 元，余 <strong data-deposit-left>{{DEPOSIT_LEFT}}</strong> 元。</p>
{{#NO_DEDUCTIONS}}  <p class="empty">没有扣款。</p>
{{/NO_DEDUCTIONS}}{{#DEDUCTION_TABLE}}  <div class="table-scroll">
  <table class="list reno-deduction-list">
    <thead><tr><th>日期</th><th class="num">金额（元）</th><th class="num">累计（元）</th><th>原因</th><th>通知书</th><th>经办</th></tr></thead>
    <tbody>
{{#DEDUCTION_ROW}}      <tr data-deduction-id="{{ID}}"><td>{{AT}}</td><td class="num" data-amount>{{AMOUNT}}</td><td class="num" data-running>{{RUNNING}}</td><td>{{REASON}}</td><td>{{NOTICE_NO}}</td><td>{{STAFF}}</td></tr>
{{/DEDUCTION_ROW}}    </tbody>
  </table>
  </div>
{{/DEDUCTION_TABLE}}{{#DEDUCT_FORM}}  <details class="action"{{#ACTION_ERROR}} open{{/ACTION_ERROR}}{{#AMOUNT_ERROR}} open{{/AMOUNT_ERROR}}{{#REASON_ERROR}} open{{/REASON_ERROR}}{{#VIOLATION_ERROR}} open{{/VIOLATION_ERROR}}>
    <summary>从保证金扣款</summary>
    <form class="stack" method="post" action="/office/renovation-patrol?id={{CASE_ID:u}}" data-action="deduct">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="deduct">
      <input type="hidden" name="version" value="{{VERSION}}">
{{#ACTION_ERROR}}      <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}      <label for="deduct-amount">扣款金额（元）</label>
      <input id="deduct-amount" name="amount" inputmode="decimal" maxlength="12" value="{{AMOUNT}}" required>
{{#AMOUNT_ERROR}}      <p class="field-error" data-field="amount">{{MESSAGE}}</p>
{{/AMOUNT_ERROR}}      <label for="deduct-reason">扣款原因</label>
      <input id="deduct-reason" name="reason" maxlength="500" value="{{REASON}}" required>
{{#REASON_ERROR}}      <p class="field-error" data-field="reason">{{MESSAGE}}</p>
{{/REASON_ERROR}}      <label for="deduct-violation">对应的违章通知书（可不选）</label>
      <select id="deduct-violation" name="violation">
        <option value="">不对应通知书</option>
{{#VIOLATION_OPTION}}        <option value="{{ID}}">{{NOTICE_NO}} {{RULE}}</option>
{{/VIOLATION_OPTION}}      </select>
{{#VIOLATION_ERROR}}      <p class="field-error" data-field="violation">{{MESSAGE}}</p>
{{/VIOLATION_ERROR}}      <button type="submit" class="secondary danger">记录扣款</button>
    </form>
  </details>
{{/DEDUCT_FORM}}</section>

{{#ACCEPT_FORM}}<section class="card reno-acceptance" aria-labelledby="reno-acceptance-h">
  <h2 id="reno-acceptance-h">竣工验收</h2>
  <p>业主已申请竣工验收。请到现场检查后记录结果：通过后可办理退还保证金；不通过请列出需整改的问题，业主会看到。</p>
  <form class="stack" method="post" action="/office/renovation-patrol?id={{CASE_ID:u}}" data-action="accept">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="accept">
    <input type="hidden" name="version" value="{{VERSION}}">
{{#ACTION_ERROR}}    <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}    <div class="segmented">
      <label><input type="radio" name="outcome" value="pass"{{#PASS_CHECKED}} checked{{/PASS_CHECKED}}> 验收通过</label>
      <label><input type="radio" name="outcome" value="fail"{{#FAIL_CHECKED}} checked{{/FAIL_CHECKED}}> 不通过</label>
    </div>
{{#OUTCOME_ERROR}}    <p class="field-error" data-field="outcome">{{MESSAGE}}</p>
{{/OUTCOME_ERROR}}    <label for="accept-defects">需整改的问题（不通过时必填）</label>
    <textarea id="accept-defects" name="defects" rows="3" maxlength="1000">{{DEFECTS:pre_escape}}</textarea>
{{#DEFECTS_ERROR}}    <p class="field-error" data-field="defects">{{MESSAGE}}</p>
{{/DEFECTS_ERROR}}    <button type="submit" class="primary">保存验收结果</button>
  </form>
</section>
{{/ACCEPT_FORM}}
<section class="card reno-tickets" aria-labelledby="reno-tickets-h">
  <h2 id="reno-tickets-h">关联工单</h2>
{{#NO_TICKETS}}  <p class="empty">没有关联的噪音或装修工单。</p>
{{/NO_TICKETS}}  <ul class="reno-ticket-list">
{{#TICKET_ROW}}    <li data-ticket-id="{{TICKET_ID}}" data-ticket-code="{{CODE}}"><a href="/office/ticket?id={{TICKET_ID:u}}">{{CODE}}</a> {{CATEGORY}} · {{DESCRIPTION}} <span class="hint">{{AT}} 关联</span></li>
{{/TICKET_ROW}}  </ul>
{{#LINK_FORM}}  <form class="inline-form" method="post" action="/office/renovation-patrol?id={{CASE_ID:u}}" data-action="ticket">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="ticket">
    <input type="hidden" name="version" value="{{VERSION}}">
    <label for="link-ticket">工单号（噪音、装修类）</label>
    <input id="link-ticket" name="ticket" maxlength="20" value="{{TICKET}}" placeholder="如 TS20261122-0001" required>
    <button type="submit" class="secondary">关联</button>
{{#ACTION_ERROR}}    <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}{{#TICKET_ERROR}}    <p class="field-error" data-field="ticket">{{MESSAGE}}</p>
{{/TICKET_ERROR}}  </form>
{{/LINK_FORM}}</section>
</div>
