{{%AUTOESCAPE context="HTML"}}<article class="card ticket" data-page="portal-ticket" data-ticket-id="{{ID}}" data-ticket-code="{{CODE}}" data-status="{{STATUS}}" data-kind="{{KIND}}">
  <p class="back"><a href="/portal/tickets">‹ 我的工单</a></p>
  <div class="heading-row">
    <h1><span class="ticket-code">{{CODE}}</span></h1>
    <span class="status-badge status-{{STATUS}}">{{STATUS_NAME}}</span>
  </div>
  <p><span class="tag">{{KIND_NAME}}</span><span class="ticket-category">{{CATEGORY}}</span></p>
  <p class="notice status-hint" role="status">{{HINT}}</p>
{{#GENERAL_ERROR}}  <p class="field-error" data-field="form" role="alert">{{MESSAGE}}</p>
{{/GENERAL_ERROR}}  <dl class="facts">
    <dt>位置</dt><dd>{{LOCATION}}{{#UNIT}} · <span class="unit-code">{{UNIT_CODE}}</span>{{/UNIT}}{{#PLACE}} · {{VALUE}}{{/PLACE}}</dd>
    <dt>提交时间</dt><dd>{{CREATED_AT}}</dd>
{{#PHONE}}    <dt>联系电话</dt><dd>{{VALUE}}</dd>
{{/PHONE}}{{#PREFERRED}}    <dt>期望上门</dt><dd>{{TIME}}</dd>
{{/PREFERRED}}{{#DUE}}    <dt>{{LABEL}}</dt><dd><time datetime="{{DATETIME}}">{{TIME}}</time> 前{{#DONE}} <span class="ok">（已于 {{AT}} 做到）</span>{{/DONE}}</dd>
{{/DUE}}{{#COMPLETED}}    <dt>完成时间</dt><dd>{{AT}}</dd>
{{/COMPLETED}}{{#CHARGE}}    <dt>维修费用</dt><dd class="charge">{{YUAN}} 元</dd>
{{/CHARGE}}{{#RATING}}    <dt>我的评价</dt><dd class="rating" data-score="{{SCORE}}">{{SCORE}} 星</dd>
{{/RATING}}  </dl>
  <h2>问题描述</h2>
  <p class="description">{{DESCRIPTION:pre_escape}}</p>
{{#PHOTOS}}  <div class="photos">
{{#PHOTO}}    <a class="photo" href="/portal/photo?id={{PHOTO_ID:u}}" target="_blank" rel="noopener"><img src="/portal/photo?id={{PHOTO_ID:u}}" alt="照片 {{N}}" loading="lazy"></a>
{{/PHOTO}}  </div>
{{/PHOTOS}}</article>

<section class="card" data-section="timeline">
  <h2>处理进度</h2>
  <ol class="timeline">
{{#EVENT}}    <li class="event event-{{TYPE}}{{#BY_RESIDENT}} by-resident{{/BY_RESIDENT}}" data-event="{{TYPE}}" data-event-id="{{EVENT_ID}}">
      <div class="event-head"><strong>{{NAME}}</strong> <span class="hint">{{ACTOR}} · <time datetime="{{DATETIME}}">{{AT}}</time></span></div>
{{#DETAIL}}      <div class="event-detail">{{VALUE}}</div>
{{/DETAIL}}{{#TEXT}}      <p class="event-text">{{VALUE:pre_escape}}</p>
{{/TEXT}}    </li>
{{/EVENT}}  </ol>
</section>

{{#RATE_FORM}}<section class="card action" data-action="rate">
  <h2>评价服务</h2>
  <form method="post" action="/portal/ticket?id={{ID:u}}" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="rate">
    <fieldset class="choice">
      <legend>满意度</legend>
      <div class="stars">
{{#SCORE_OPTION}}        <label><input type="radio" name="score" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><span class="star-text">{{STARS}}</span> {{VALUE}} 星</label>
{{/SCORE_OPTION}}      </div>
{{#SCORE_ERROR}}      <p class="field-error" data-field="score">{{MESSAGE}}</p>
{{/SCORE_ERROR}}    </fieldset>
    <fieldset class="choice">
      <legend>印象（可多选）</legend>
      <div class="segmented">
{{#REASON_OPTION}}        <label><input type="checkbox" name="reason" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><span>{{VALUE}}</span></label>
{{/REASON_OPTION}}      </div>
{{#REASON_ERROR}}      <p class="field-error" data-field="reason">{{MESSAGE}}</p>
{{/REASON_ERROR}}    </fieldset>
    <label for="rate-comment">评价内容（选填）</label>
    <textarea id="rate-comment" name="comment" rows="3" maxlength="500">{{COMMENT:pre_escape}}</textarea>
{{#COMMENT_ERROR}}    <p class="field-error" data-field="comment">{{MESSAGE}}</p>
{{/COMMENT_ERROR}}    <button type="submit" class="primary">提交评价</button>
  </form>
</section>
{{/RATE_FORM}}{{#COMMENT_FORM}}<section class="card action" data-action="comment">
  <h2>{{#ANSWER}}回复物业{{/ANSWER}}留言</h2>
  <form method="post" action="/portal/ticket?id={{ID:u}}" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="comment">
    <label for="comment-text">留言内容</label>
    <textarea id="comment-text" name="text" rows="3" maxlength="2000" required placeholder="补充情况或询问进度">{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}    <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}    <button type="submit" class="primary">发送留言</button>
  </form>
</section>
{{/COMMENT_FORM}}{{#REOPEN_FORM}}<section class="card action" data-action="reopen">
  <h2>问题没有解决？</h2>
  <p class="hint">完成后 {{DAYS}} 天内可以申请重新处理。</p>
  <form method="post" action="/portal/ticket?id={{ID:u}}" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="reopen">
    <label for="reopen-text">原因</label>
    <textarea id="reopen-text" name="text" rows="2" maxlength="2000" required placeholder="例如：仍在漏水">{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}    <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}    <button type="submit" class="secondary">申请重新处理</button>
  </form>
</section>
{{/REOPEN_FORM}}{{#WITHDRAW_FORM}}<section class="card action" data-action="withdraw">
  <form method="post" action="/portal/ticket?id={{ID:u}}" class="inline-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="withdraw">
    <span class="hint">问题已自行解决或提交有误？</span>
    <button type="submit" class="secondary danger">撤销工单</button>
  </form>
</section>
{{/WITHDRAW_FORM}}