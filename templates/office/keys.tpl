{{%AUTOESCAPE context="HTML"}}<section class="card archive-keys" data-page="office-keys" data-cards-out="{{CARDS_OUT}}" data-keys-out="{{KEYS_OUT}}" data-cards-by-log="{{CARDS_BY_LOG}}" data-keys-by-log="{{KEYS_BY_LOG}}" data-agree="{{AGREE}}">
  <h1>钥匙门禁</h1>
  <p>当前发出：门禁卡 <strong>{{CARDS_OUT}}</strong> 张，钥匙 <strong>{{KEYS_OUT}}</strong> 把。</p>
{{#AGREES}}  <p class="notice">与发放记录一致（发放记录：门禁卡 {{CARDS_BY_LOG}} 张，钥匙 {{KEYS_BY_LOG}} 把）。</p>
{{/AGREES}}{{#DISAGREES}}  <p class="field-error form-notice" role="alert">与发放记录不一致：记录应为门禁卡 {{CARDS_BY_LOG}} 张、钥匙 {{KEYS_BY_LOG}} 把，请资料管理员核对。</p>
{{/DISAGREES}}{{#EMPTY}}  <p class="empty">目前没有发出的门禁卡或钥匙。</p>
{{/EMPTY}}  <table class="list out-now">
    <thead><tr><th>房号</th><th>物品</th><th>编号 / 名称</th><th>持有人</th><th>发出时间</th></tr></thead>
    <tbody>
{{#ITEM}}      <tr data-kind="{{KIND}}" data-item-id="{{ID}}" data-unit-code="{{UNIT_CODE}}"><td><a href="/office/unit?id={{UNIT_ID:u}}">{{UNIT_CODE}}</a></td><td>{{KIND_NAME}}</td><td>{{LABEL}}</td><td>{{HOLDER}}</td><td>{{SINCE}}</td></tr>
{{/ITEM}}    </tbody>
  </table>
</section>
