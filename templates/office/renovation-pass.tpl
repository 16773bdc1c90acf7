{{%AUTOESCAPE context="HTML"}}<article class="reno-pass-sheet" data-page="office-renovation-pass" data-pass-id="{{ID}}" data-pass-no="{{PASS_NO}}" data-state="{{STATE}}">
  <p class="no-print reno-pass-tools"><a href="/office/renovation-passes?id={{CASE_ID:u}}">‹ 返回出入证</a> · 请使用浏览器的打印功能（Ctrl+P）打印，裁下后正反面对折塑封。</p>
{{#VOID}}  <p class="field-error reno-pass-void" role="alert" data-void>这张出入证{{STATE_NAME}}，已作废，请勿再发给施工人员。</p>
{{/VOID}}  <div class="reno-card-pair">
    <section class="reno-card reno-card-front" aria-label="出入证正面">
      <header class="reno-card-head">
        <p class="reno-card-org">{{COMMUNITY_NAME}} 物业服务中心</p>
        <h1>装修临时出入证</h1>
      </header>
      <div class="reno-card-body">
        <div class="reno-card-photo">{{#PHOTO}}<img src="/office/renovation-pass-photo?id={{ID:u}}" alt="{{NAME}} 的照片">{{/PHOTO}}{{#NO_PHOTO}}<span>照片</span>{{/NO_PHOTO}}</div>
        <dl class="reno-card-facts">
          <dt>编号</dt><dd data-pass-no>{{PASS_NO}}</dd>
          <dt>姓名</dt><dd data-name>{{NAME}}</dd>
          <dt>身份证</dt><dd data-id-masked>{{ID_MASKED}}</dd>
          <dt>施工房号</dt><dd>{{UNIT_CODE}}</dd>
          <dt>装修单位</dt><dd>{{COMPANY}}</dd>
          <dt>有效期</dt><dd data-valid>{{VALID_FROM}} 至 {{VALID_TO}}</dd>
        </dl>
      </div>
      <p class="reno-card-foot">许可证 {{PERMIT_NO}} · {{ISSUED}} 发放 · 物业服务中心（盖章）</p>
    </section>
    <section class="reno-card reno-card-back" aria-label="出入证背面">
      <h2>使用须知</h2>
      <ol class="reno-card-rules">
        <li>出入小区请佩戴本证，主动接受秩序维护员查验。</li>
        <li>限装修时间内出入（工作日 8:00—12:00、14:00—18:00），节假日不得进行噪音作业。</li>
        <li>只限在登记房号内施工，不得进入其他楼层、天台及设备用房。</li>
        <li>本证仅限本人使用，不得转借；涂改、转借即作废。</li>
        <li>装修材料、垃圾按指定时间和路线搬运，电梯内请做好防护。</li>
        <li>遗失请立即告知物业服务中心挂失；完工或离场时交回本证，挂失的押金不予退还。</li>
      </ol>
      <p class="reno-card-foot">{{COMMUNITY_NAME}} 物业服务中心</p>
    </section>
  </div>
</article>
