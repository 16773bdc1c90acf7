{{%AUTOESCAPE context="HTML"}}<article class="ticket-page" data-page="office-ticket" data-ticket-id="{{ID}}" data-ticket-code="{{CODE}}" data-status="{{STATUS}}" data-kind="{{KIND}}">
  <section class="card ticket-head">
    <p class="crumbs"><a href="/office/tickets">工单</a> › {{CODE}}</p>
    <div class="ticket-title">
      <h1>{{KIND_NAME}} <span class="code">{{CODE}}</span></h1>
      <div class="badges">
        <span class="status-badge status-{{STATUS}}">{{STATUS_NAME}}</span>
{{#SEVERE}}        <span class="severity severity-{{SEVERITY}}">{{SEVERITY_NAME}}</span>
{{/SEVERE}}{{#ESCALATED}}        <span class="badge escalated">{{NAME}}</span>
{{/ESCALATED}}      </div>
    </div>
    <p class="meta">{{CATEGORY_NAME}} · {{CHANNEL_NAME}} · {{CREATED_BY_KIND}} {{CREATED_AT}}</p>
    <p class="description">{{DESCRIPTION:pre_escape}}</p>
    <p class="links"><a class="button small ghost" href="/office/ticket?id={{ID:u}}&amp;print=1">打印派工单</a></p>
{{#NOTICE}}    <p class="field-error form-notice" role="alert">{{TEXT}}</p>
{{/NOTICE}}  </section>

  <div class="ticket-grid">
    <section class="card">
      <h2>报事信息</h2>
      <dl class="facts">
        <dt>报事人</dt><dd data-reporter>{{REPORTER_NAME}}</dd>
        <dt>联系电话</dt><dd>{{REPORTER_PHONE}}</dd>
        <dt>位置</dt><dd>{{LOCATION_NAME}}</dd>
        <dt>房号</dt><dd data-unit="{{UNIT_CODE}}">{{UNIT_CODE}}</dd>
{{#HAS_PLACE}}        <dt>具体位置</dt><dd>{{PLACE}}</dd>
{{/HAS_PLACE}}        <dt>业主期望时间</dt><dd>{{PREFERRED_AT}}</dd>
        <dt>登记人</dt><dd>{{CREATED_BY}}</dd>
        <dt>首问负责</dt><dd data-owner>{{OWNER_NAME}}</dd>
        <dt>部门</dt><dd data-department>{{DEPARTMENT_NAME}}</dd>
        <dt>处理人</dt><dd data-assignee>{{ASSIGNEE_NAME}}</dd>
{{#VISIT}}        <dt>约定上门</dt><dd>{{AT}}</dd>
{{/VISIT}}        <dt>收费</dt><dd data-charge>{{#CHARGED}}{{CHARGE}} 元{{#PAID}}（有偿服务）{{/PAID}}{{/CHARGED}}{{#NOT_CHARGED}}完工时填写{{/NOT_CHARGED}}</dd>
        <dt>回访</dt><dd>{{CALLBACK_STATE}}</dd>
{{#RATED}}        <dt>业主评价</dt><dd>{{SCORE}} 星</dd>
{{/RATED}}      </dl>
    </section>
    <section class="card">
      <h2>时限承诺</h2>
{{#NEXT_DUE}}      <p class="next-due {{CLASS}}">下一时限 <strong>{{AT}}</strong> <span class="due-words">{{WORDS}}</span></p>
{{/NEXT_DUE}}{{#WAITING}}      <p class="notice">自 {{SINCE}} 起等待业主回复，时限暂停计算。</p>
{{/WAITING}}      <table class="list dues">
        <thead><tr><th>时限</th><th>应于</th><th>情况</th></tr></thead>
        <tbody>
{{#DUE_ROW}}          <tr class="due-{{CLASS}}"><td>{{NAME}}</td><td>{{AT}}</td><td>{{STATE}}{{#BREACHED}} <span class="badge breached">超时</span>{{/BREACHED}}</td></tr>
{{/DUE_ROW}}        </tbody>
      </table>
{{#BREACHES}}      <p class="bad">已发生：{{TEXT}}</p>
{{/BREACHES}}    </section>
  </div>

  <section class="card">
    <h2>照片</h2>
{{#NO_PHOTOS}}    <p class="hint">没有照片。</p>
{{/NO_PHOTOS}}    <div class="photos">
{{#PHOTO}}      <a href="/office/photo?id={{PHOTO_ID:u}}"><img src="/office/photo?id={{PHOTO_ID:u}}" alt="照片 {{NUMBER}}" loading="lazy"></a>
{{/PHOTO}}    </div>
  </section>

  <section class="card actions" aria-label="处理">
    <h2>处理</h2>
{{#NOT_YOURS}}    <p class="hint">这张工单没有派给您，您只能查看。</p>
{{/NOT_YOURS}}{{#NO_ACTIONS}}    <p class="hint">当前状态下没有您可以执行的操作。</p>
{{/NO_ACTIONS}}    <div class="quick-actions">
{{#ACT_ACCEPT}}      <form method="post" action="/office/ticket?id={{ID:u}}" data-action="accept">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="accept">
        <button type="submit" class="primary">受理</button>
      </form>
{{/ACT_ACCEPT}}{{#ACT_START}}      <form method="post" action="/office/ticket?id={{ID:u}}" data-action="start">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="start">
        <button type="submit" class="primary">开始处理（已到场）</button>
      </form>
{{/ACT_START}}{{#ACT_CLOSE}}      <form method="post" action="/office/ticket?id={{ID:u}}" data-action="close">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="close">
        <button type="submit" class="primary">关闭工单</button>
      </form>
{{/ACT_CLOSE}}    </div>
{{#ACT_DISPATCH}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>派工</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="dispatch">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="dispatch">
        <label for="dispatch-dept">部门</label>
        <select id="dispatch-dept" name="dept">
          <option value="">请选择</option>
{{#DEPT_OPTION}}          <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/DEPT_OPTION}}        </select>
{{#DEPT_ERROR}}        <p class="field-error" data-field="dept">{{MESSAGE}}</p>
{{/DEPT_ERROR}}        <label for="dispatch-assignee">处理人</label>
        <select id="dispatch-assignee" name="assignee">
          <option value="">暂不指定（由部门安排）</option>
{{#ASSIGNEE_OPTION}}          <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}（{{DEPARTMENT}}）</option>
{{/ASSIGNEE_OPTION}}        </select>
{{#ASSIGNEE_ERROR}}        <p class="field-error" data-field="assignee">{{MESSAGE}}</p>
{{/ASSIGNEE_ERROR}}        <label for="dispatch-visit">约定上门时间</label>
        <input id="dispatch-visit" name="visit_time" type="datetime-local" value="{{VISIT_TIME}}" min="{{NOW}}">
        <small class="hint">与业主约定的时间，作为上门时限</small>
{{#VISIT_TIME_ERROR}}        <p class="field-error" data-field="visit_time">{{MESSAGE}}</p>
{{/VISIT_TIME_ERROR}}        <button type="submit" class="primary">派工</button>
      </form>
    </details>
{{/ACT_DISPATCH}}{{#ACT_COMPLETE}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>完成</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="complete">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="complete">
        <label for="complete-resolution">处理结果</label>
        <textarea id="complete-resolution" name="resolution" rows="3" maxlength="2000" required>{{RESOLUTION:pre_escape}}</textarea>
{{#RESOLUTION_ERROR}}        <p class="field-error" data-field="resolution">{{MESSAGE}}</p>
{{/RESOLUTION_ERROR}}        <label for="complete-charge">收费金额（元）</label>
        <input id="complete-charge" name="charge_yuan" type="text" inputmode="decimal" value="{{CHARGE_YUAN}}" maxlength="12" placeholder="0.00">
        <small class="hint">有偿服务按公示收费标准，须事先与业主确认；无偿服务留空</small>
{{#CHARGE_YUAN_ERROR}}        <p class="field-error" data-field="charge_yuan">{{MESSAGE}}</p>
{{/CHARGE_YUAN_ERROR}}{{#CHARGE_FEN_ERROR}}        <p class="field-error" data-field="charge_fen">{{MESSAGE}}</p>
{{/CHARGE_FEN_ERROR}}        <button type="submit" class="primary">完成</button>
      </form>
    </details>
{{/ACT_COMPLETE}}{{#ACT_CALLBACK}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>回访</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="callback">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="callback">
        <span class="label">是否联系上业主</span>
        <div class="choices">
          <label><input type="radio" name="reached" value="yes"{{#REACHED_YES}} checked{{/REACHED_YES}}> 已接通</label>
          <label><input type="radio" name="reached" value="no"{{#REACHED_NO}} checked{{/REACHED_NO}}> 未接通</label>
        </div>
{{#REACHED_ERROR}}        <p class="field-error" data-field="reached">{{MESSAGE}}</p>
{{/REACHED_ERROR}}        <label for="callback-score">满意度</label>
        <select id="callback-score" name="score">
          <option value="">未评分</option>
{{#SCORE_OPTION}}          <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SCORE_OPTION}}        </select>
{{#SCORE_ERROR}}        <p class="field-error" data-field="score">{{MESSAGE}}</p>
{{/SCORE_ERROR}}        <label for="callback-text">回访记录</label>
        <textarea id="callback-text" name="text" rows="2" maxlength="2000">{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <button type="submit" class="primary">记录回访</button>
      </form>
    </details>
{{/ACT_CALLBACK}}{{#ACT_REPLY}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>回复业主</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="reply">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="reply">
        <label for="reply-text">回复内容（业主可见）</label>
        <textarea id="reply-text" name="text" rows="3" maxlength="2000" required>{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <button type="submit" class="primary">回复</button>
      </form>
    </details>
{{/ACT_REPLY}}{{#ACT_WAIT}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>等待业主</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="wait">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="wait">
        <label for="wait-text">需要业主做什么（业主可见）</label>
        <textarea id="wait-text" name="text" rows="2" maxlength="2000">{{TEXT:pre_escape}}</textarea>
        <small class="hint">等待期间时限暂停计算</small>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <button type="submit" class="primary">转为等待业主</button>
      </form>
    </details>
{{/ACT_WAIT}}{{#ACT_NOTE}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>内部备注</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="note">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="note">
        <label for="note-text">备注（仅员工可见）</label>
        <textarea id="note-text" name="text" rows="2" maxlength="2000" required>{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <button type="submit" class="primary">添加备注</button>
      </form>
    </details>
{{/ACT_NOTE}}{{#ACT_ESCALATE}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>升级</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="escalate">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="escalate">
        <label for="escalate-text">升级原因</label>
        <textarea id="escalate-text" name="text" rows="2" maxlength="2000">{{TEXT:pre_escape}}</textarea>
        <small class="hint">第一次升级至客服主管，第二次升级至管理处主任</small>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <button type="submit" class="primary">升级</button>
      </form>
    </details>
{{/ACT_ESCALATE}}{{#ACT_REOPEN}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>重新打开</summary>
      <form class="stacked" method="post" action="/office/ticket?id={{ID:u}}" data-action="reopen">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="reopen">
        <label for="reopen-text">原因</label>
        <textarea id="reopen-text" name="text" rows="2" maxlength="2000" required>{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <button type="submit" class="primary">重新打开</button>
      </form>
    </details>
{{/ACT_REOPEN}}  </section>

  <section class="card">
    <h2>处理记录</h2>
    <ol class="timeline">
{{#EVENT}}      <li class="event event-{{TYPE}}{{#INTERNAL}} internal{{/INTERNAL}}" data-event="{{TYPE}}">
        <div class="event-head"><strong>{{NAME}}</strong>{{#INTERNAL}} <span class="badge internal">内部</span>{{/INTERNAL}} <span class="actor">{{ACTOR}}（{{ACTOR_KIND}}）</span> <time>{{AT}}</time></div>
{{#DETAIL}}        <p class="event-detail">{{VALUE}}</p>
{{/DETAIL}}{{#TEXT}}        <p class="event-text">{{VALUE:pre_escape}}</p>
{{/TEXT}}        <p class="event-status">→ {{STATUS_AFTER}}</p>
      </li>
{{/EVENT}}    </ol>
  </section>
</article>
