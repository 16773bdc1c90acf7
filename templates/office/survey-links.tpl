{{%AUTOESCAPE context="HTML"}}<div class="survey-links" data-page="office-survey-links" data-survey-id="{{ID}}" data-count="{{COUNT}}">
  <div class="slip-tools no-print">
    <p><a href="/office/survey?id={{ID:u}}">‹ 返回调查</a> · 《{{TITLE}}》：共 {{COUNT}} 户的调查链接，每户一张，A4 纸每页 8 张，沿虚线剪开后发放。请使用浏览器的打印功能（Ctrl+P）打印。</p>
    <p class="hint">每张链接只能填写对应房屋的问卷，无需登录，截止（{{CLOSES}}）后失效。<strong>如修改调查的截止时间，已发出的链接全部作废，需要重新打印。</strong></p>
{{#EXPIRED}}    <p class="field-error">这份调查已经截止，下面的链接都已失效。</p>
{{/EXPIRED}}    <form class="filters" method="get" action="/office/survey-links">
      <input type="hidden" name="id" value="{{ID}}">
      <label>楼栋
        <select name="building">
          <option value="">全部楼栋</option>
{{#BUILDING_OPTION}}          <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/BUILDING_OPTION}}        </select>
      </label>
      <div class="filter-buttons"><button type="submit" class="primary">查看</button></div>
    </form>
{{#EMPTY}}    <p class="empty">所选范围内没有在住的住户。</p>
{{/EMPTY}}  </div>
  <div class="link-slips">
{{#SLIP}}    <article class="link-slip" data-unit-code="{{UNIT_CODE}}">
      <div class="link-slip-qr">{{QR:none}}{{#NO_QR}}<span class="hint">链接过长，无法生成二维码</span>{{/NO_QR}}</div>
      <div class="link-slip-text">
        <p class="link-slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
        <p class="link-slip-unit">房号 <strong>{{UNIT_CODE}}</strong></p>
        <p class="link-slip-title">{{TITLE}}</p>
        <p class="link-slip-close">请于 {{CLOSES}} 前扫码填写，无需登录</p>
        <p class="link-slip-url" data-url>{{URL}}</p>
      </div>
    </article>
{{/SLIP}}  </div>
</div>
