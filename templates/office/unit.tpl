{{%AUTOESCAPE context="HTML"}}<article class="archive-unit" data-page="office-unit" data-unit-id="{{ID}}" data-unit-code="{{CODE}}" data-state="{{STATE}}">
  <section class="card">
    <p class="crumbs"><a href="/office/units">房屋档案</a> › {{CODE}}</p>
    <h1>{{CODE}} <span class="unit-state state-{{STATE}}">{{STATE_NAME}}</span></h1>
    <p class="meta">{{BUILDING_NAME}} · {{FLOOR}} 层 · {{AREA}} m²</p>
{{#NOTICE}}    <p class="field-error form-notice" role="alert">{{TEXT}}</p>
{{/NOTICE}}  </section>

  <section class="card" data-section="occupants">
    <h2>现住户与业主</h2>
{{#NO_OCCUPANTS}}    <p class="hint">没有登记的住户。</p>
{{/NO_OCCUPANTS}}    <table class="list occupants">
      <thead><tr><th>姓名</th><th>身份</th><th>电话</th><th>起始</th><th>说明</th></tr></thead>
      <tbody>
{{#CURRENT}}        <tr data-occupancy-id="{{ID}}" data-relation="{{RELATION}}" data-share="{{SHARE}}" data-current="1"><td><a href="/office/person?id={{PERSON_ID:u}}">{{NAME}}</a></td><td>{{RELATION_NAME}}</td><td>{{PHONE}}</td><td>{{SINCE}}</td><td>{{TERMS}}</td></tr>
{{/CURRENT}}      </tbody>
    </table>
    <details class="history">
      <summary>历史住户与业主</summary>
      <table class="list occupants-past">
        <thead><tr><th>姓名</th><th>身份</th><th>期间</th><th>说明</th></tr></thead>
        <tbody>
{{#PAST}}          <tr data-occupancy-id="{{ID}}" data-relation="{{RELATION}}" data-share="{{SHARE}}" data-until="{{UNTIL}}"><td><a href="/office/person?id={{PERSON_ID:u}}">{{NAME}}</a></td><td>{{RELATION_NAME}}</td><td>{{SINCE}} 至 {{UNTIL}}</td><td>{{TERMS}}</td></tr>
{{/PAST}}        </tbody>
      </table>
    </details>
  </section>

  <section class="card" data-section="moves">
    <h2>入伙与迁出</h2>
    <table class="list">
      <thead><tr><th>办理</th><th>日期</th><th>住户</th><th>已办事项</th><th>经办</th></tr></thead>
      <tbody>
{{#MOVE}}        <tr data-move="{{KIND}}"><td>{{KIND_NAME}}</td><td>{{DATE}}</td><td>{{PERSON}}</td><td>{{CHECKLIST}} <small>{{NOTES}}</small></td><td>{{STAFF}}</td></tr>
{{/MOVE}}      </tbody>
    </table>
  </section>

  <section class="card" data-section="cards-keys">
    <h2>门禁卡与钥匙</h2>
    <table class="list cards">
      <thead><tr><th>门禁卡</th><th>状态</th><th>持卡人</th><th>自</th></tr></thead>
      <tbody>
{{#CARD}}        <tr data-card-id="{{ID}}" data-card-number="{{NUMBER}}" data-state="{{STATE}}"><td>{{NUMBER}}</td><td>{{STATE_NAME}}</td><td>{{HOLDER}}</td><td>{{SINCE}}</td></tr>
{{/CARD}}      </tbody>
    </table>
    <table class="list keys">
      <thead><tr><th>钥匙</th><th>状态</th><th>领取人</th><th>自</th></tr></thead>
      <tbody>
{{#KEY}}        <tr data-key-id="{{ID}}" data-key-label="{{LABEL}}" data-state="{{STATE}}"><td>{{LABEL}}</td><td>{{STATE_NAME}}</td><td>{{HOLDER}}</td><td>{{SINCE}}</td></tr>
{{/KEY}}      </tbody>
    </table>
    <details class="history">
      <summary>发放记录</summary>
      <table class="list logs">
        <thead><tr><th>物品</th><th>操作</th><th>人员</th><th>经办</th><th>时间</th></tr></thead>
        <tbody>
{{#CARD_LOG}}          <tr data-log="card" data-action="{{ACTION}}"><td>门禁卡 {{ITEM}}</td><td>{{ACTION_NAME}}</td><td>{{HOLDER}}</td><td>{{STAFF}}</td><td>{{AT}}</td></tr>
{{/CARD_LOG}}{{#KEY_LOG}}          <tr data-log="key" data-action="{{ACTION}}"><td>{{ITEM}}</td><td>{{ACTION_NAME}}</td><td>{{HOLDER}}</td><td>{{STAFF}}</td><td>{{AT}}</td></tr>
{{/KEY_LOG}}        </tbody>
      </table>
    </details>
  </section>

  <section class="card" data-section="vehicles">
    <h2>车辆与车位</h2>
    <table class="list">
      <thead><tr><th>车牌</th><th>车型</th><th>颜色</th><th>车主</th></tr></thead>
      <tbody>
{{#VEHICLE}}        <tr data-plate="{{PLATE}}"><td>{{PLATE}}</td><td>{{MODEL}}</td><td>{{COLOUR}}</td><td>{{PERSON}}</td></tr>
{{/VEHICLE}}      </tbody>
    </table>
    <table class="list">
      <thead><tr><th>车位</th><th>车牌</th><th>租期</th><th>月租（元）</th><th>承租人</th></tr></thead>
      <tbody>
{{#PARKING}}        <tr data-space="{{SPACE}}"><td>{{SPACE}}</td><td>{{PLATE}}</td><td>{{PERIOD}}</td><td>{{FEE}}</td><td>{{PERSON}}</td></tr>
{{/PARKING}}      </tbody>
    </table>
  </section>

  <section class="card" data-section="tickets">
    <h2>工单</h2>
{{#NO_TICKETS}}    <p class="hint">这套房屋没有工单。</p>
{{/NO_TICKETS}}    <ul class="unit-tickets">
{{#TICKET}}      <li data-ticket-id="{{ID}}" data-status="{{STATUS}}"><a href="/office/ticket?id={{ID:u}}">{{CODE}}</a> {{KIND_NAME}} <span class="status-badge status-{{STATUS}}">{{STATUS_NAME}}</span> {{DESCRIPTION}} <small>{{CREATED}}</small></li>
{{/TICKET}}    </ul>
  </section>

{{>FEE_ACCOUNT}}
  <section class="card actions" aria-label="办理">
    <h2>办理</h2>
{{#READ_ONLY}}    <p class="hint">您的岗位只能查看房屋档案。</p>
{{/READ_ONLY}}{{#ACT_MOVE_IN}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>登记入伙</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="move_in">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="move_in">
        <label>姓名 <input name="name" value="{{NAME}}" maxlength="50" required></label>
{{#NAME_ERROR}}        <p class="field-error" data-field="name">{{MESSAGE}}</p>
{{/NAME_ERROR}}        <label>电话 <input name="phone" type="tel" value="{{PHONE}}" maxlength="20"></label>
{{#PHONE_ERROR}}        <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}        <label>证件号码 <input name="id_number" value="{{ID_NUMBER}}" maxlength="30" autocomplete="off"></label>
{{#ID_NUMBER_ERROR}}        <p class="field-error" data-field="id_number">{{MESSAGE}}</p>
{{/ID_NUMBER_ERROR}}        <label>身份 <select name="relation">{{#RELATION_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/RELATION_OPTION}}</select></label>
{{#RELATION_ERROR}}        <p class="field-error" data-field="relation">{{MESSAGE}}</p>
{{/RELATION_ERROR}}        <label>产权份额（%，业主填写，默认 100） <input name="share" value="{{SHARE}}" maxlength="6" inputmode="decimal"></label>
{{#SHARE_ERROR}}        <p class="field-error" data-field="share">{{MESSAGE}}</p>
{{/SHARE_ERROR}}        <label>入伙日期 <input name="date" type="date" value="{{DATE}}" required></label>
{{#DATE_ERROR}}        <p class="field-error" data-field="date">{{MESSAGE}}</p>
{{/DATE_ERROR}}        <fieldset class="checklist"><legend>已办事项</legend>{{#CHECK_OPTION}}<label class="check"><input type="checkbox" name="checklist" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>{{/CHECK_OPTION}}</fieldset>
{{#CHECKLIST_ERROR}}        <p class="field-error" data-field="checklist">{{MESSAGE}}</p>
{{/CHECKLIST_ERROR}}        <label>备注 <textarea name="notes" rows="2" maxlength="500">{{NOTES:pre_escape}}</textarea></label>
{{#NOTES_ERROR}}        <p class="field-error" data-field="notes">{{MESSAGE}}</p>
{{/NOTES_ERROR}}        <button type="submit" class="primary">登记入伙</button>
      </form>
    </details>
{{/ACT_MOVE_IN}}{{#ACT_CHANGE_OWNER}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>产权变更</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="change_owner">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="change_owner">
        <p class="hint">现任业主的记录将以变更日期结束；新业主的份额合计须为 100%。</p>
        <label>变更日期 <input name="date" type="date" value="{{DATE}}" required></label>
{{#DATE_ERROR}}        <p class="field-error" data-field="date">{{MESSAGE}}</p>
{{/DATE_ERROR}}        <div class="owner-row"><label>新业主 <input name="owner1_name" value="{{OWNER1_NAME}}" maxlength="50" required></label><label>电话 <input name="owner1_phone" type="tel" value="{{OWNER1_PHONE}}"></label><label>证件号码 <input name="owner1_id_number" value="{{OWNER1_ID_NUMBER}}" maxlength="30" autocomplete="off"></label><label>份额 % <input name="owner1_share" value="{{OWNER1_SHARE}}" maxlength="6" inputmode="decimal" required></label></div>
{{#OWNER1_NAME_ERROR}}        <p class="field-error" data-field="owner1_name">{{MESSAGE}}</p>
{{/OWNER1_NAME_ERROR}}{{#OWNER1_PHONE_ERROR}}        <p class="field-error" data-field="owner1_phone">{{MESSAGE}}</p>
{{/OWNER1_PHONE_ERROR}}{{#OWNER1_ID_NUMBER_ERROR}}        <p class="field-error" data-field="owner1_id_number">{{MESSAGE}}</p>
{{/OWNER1_ID_NUMBER_ERROR}}{{#OWNER1_SHARE_ERROR}}        <p class="field-error" data-field="owner1_share">{{MESSAGE}}</p>
{{/OWNER1_SHARE_ERROR}}        <div class="owner-row"><label>第二位业主 <input name="owner2_name" value="{{OWNER2_NAME}}" maxlength="50"></label><label>电话 <input name="owner2_phone" type="tel" value="{{OWNER2_PHONE}}"></label><label>证件号码 <input name="owner2_id_number" value="{{OWNER2_ID_NUMBER}}" maxlength="30" autocomplete="off"></label><label>份额 % <input name="owner2_share" value="{{OWNER2_SHARE}}" maxlength="6" inputmode="decimal"></label></div>
{{#OWNER2_NAME_ERROR}}        <p class="field-error" data-field="owner2_name">{{MESSAGE}}</p>
{{/OWNER2_NAME_ERROR}}{{#OWNER2_PHONE_ERROR}}        <p class="field-error" data-field="owner2_phone">{{MESSAGE}}</p>
{{/OWNER2_PHONE_ERROR}}{{#OWNER2_SHARE_ERROR}}        <p class="field-error" data-field="owner2_share">{{MESSAGE}}</p>
{{/OWNER2_SHARE_ERROR}}        <div class="owner-row"><label>第三位业主 <input name="owner3_name" value="{{OWNER3_NAME}}" maxlength="50"></label><label>电话 <input name="owner3_phone" type="tel" value="{{OWNER3_PHONE}}"></label><label>证件号码 <input name="owner3_id_number" value="{{OWNER3_ID_NUMBER}}" maxlength="30" autocomplete="off"></label><label>份额 % <input name="owner3_share" value="{{OWNER3_SHARE}}" maxlength="6" inputmode="decimal"></label></div>
{{#OWNER3_NAME_ERROR}}        <p class="field-error" data-field="owner3_name">{{MESSAGE}}</p>
{{/OWNER3_NAME_ERROR}}{{#OWNER3_PHONE_ERROR}}        <p class="field-error" data-field="owner3_phone">{{MESSAGE}}</p>
{{/OWNER3_PHONE_ERROR}}{{#OWNER3_SHARE_ERROR}}        <p class="field-error" data-field="owner3_share">{{MESSAGE}}</p>
{{/OWNER3_SHARE_ERROR}}        <button type="submit" class="primary">办理产权变更</button>
      </form>
    </details>
{{/ACT_CHANGE_OWNER}}{{#ACT_NEW_TENANCY}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>新租约</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="new_tenancy">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="new_tenancy">
        <label>租户姓名 <input name="name" value="{{NAME}}" maxlength="50" required></label>
{{#NAME_ERROR}}        <p class="field-error" data-field="name">{{MESSAGE}}</p>
{{/NAME_ERROR}}        <label>电话 <input name="phone" type="tel" value="{{PHONE}}" maxlength="20"></label>
{{#PHONE_ERROR}}        <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}        <label>证件号码 <input name="id_number" value="{{ID_NUMBER}}" maxlength="30" autocomplete="off"></label>
        <label>租期开始 <input name="date" type="date" value="{{DATE}}" required></label>
{{#DATE_ERROR}}        <p class="field-error" data-field="date">{{MESSAGE}}</p>
{{/DATE_ERROR}}        <label>租期结束 <input name="lease_end" type="date" value="{{LEASE_END}}" required></label>
{{#LEASE_END_ERROR}}        <p class="field-error" data-field="lease_end">{{MESSAGE}}</p>
{{/LEASE_END_ERROR}}        <label>月租金（元） <input name="rent_yuan" value="{{RENT_YUAN}}" maxlength="12" inputmode="decimal" required></label>
{{#RENT_YUAN_ERROR}}        <p class="field-error" data-field="rent_yuan">{{MESSAGE}}</p>
{{/RENT_YUAN_ERROR}}        <button type="submit" class="primary">登记租约</button>
      </form>
    </details>
{{/ACT_NEW_TENANCY}}{{#ACT_END_TENANCY}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>结束租约</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="end_tenancy">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="end_tenancy">
        <label>租约 <select name="occupancy">{{#TENANCY_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/TENANCY_OPTION}}</select></label>
{{#OCCUPANCY_ERROR}}        <p class="field-error" data-field="occupancy">{{MESSAGE}}</p>
{{/OCCUPANCY_ERROR}}        <label>结束日期 <input name="date" type="date" value="{{DATE}}" required></label>
{{#DATE_ERROR}}        <p class="field-error" data-field="date">{{MESSAGE}}</p>
{{/DATE_ERROR}}        <label>结束后房屋状态 <select name="after_state"><option value="">按现住户自动判断</option><option value="occupied">已入住</option><option value="vacant">空置</option></select></label>
        <button type="submit" class="primary">结束租约</button>
      </form>
    </details>
{{/ACT_END_TENANCY}}{{#ACT_MOVE_OUT}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>登记迁出</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="move_out">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="move_out">
        <p class="hint">租户、家庭成员和其他住户的记录以迁出日期结束，业主记录保留；房屋状态改为空置。</p>
        <label>迁出日期 <input name="date" type="date" value="{{DATE}}" required></label>
{{#DATE_ERROR}}        <p class="field-error" data-field="date">{{MESSAGE}}</p>
{{/DATE_ERROR}}        <fieldset class="checklist"><legend>已办事项</legend>{{#CHECK_OPTION}}<label class="check"><input type="checkbox" name="checklist" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>{{/CHECK_OPTION}}</fieldset>
{{#CHECKLIST_ERROR}}        <p class="field-error" data-field="checklist">{{MESSAGE}}</p>
{{/CHECKLIST_ERROR}}        <label>备注 <textarea name="notes" rows="2" maxlength="500">{{NOTES:pre_escape}}</textarea></label>
        <button type="submit" class="primary">登记迁出</button>
      </form>
    </details>
{{/ACT_MOVE_OUT}}{{#ACT_CARD_ISSUE}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>发放门禁卡</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="card_issue">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="card_issue">
        <label>卡号 <input name="number" value="{{NUMBER}}" maxlength="30" required></label>
{{#NUMBER_ERROR}}        <p class="field-error" data-field="number">{{MESSAGE}}</p>
{{/NUMBER_ERROR}}        <label>持卡人 <select name="person">{{#PERSON_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PERSON_OPTION}}</select></label>
{{#PERSON_ERROR}}        <p class="field-error" data-field="person">{{MESSAGE}}</p>
{{/PERSON_ERROR}}        <button type="submit" class="primary">发卡</button>
      </form>
    </details>
{{/ACT_CARD_ISSUE}}{{#ACT_CARD_RETURN}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>退卡</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="card_return">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="card_return">
        <label>门禁卡 <select name="card">{{#CARD_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/CARD_OPTION}}</select></label>
{{#CARD_ERROR}}        <p class="field-error" data-field="card">{{MESSAGE}}</p>
{{/CARD_ERROR}}        <button type="submit" class="primary">退卡</button>
      </form>
    </details>
{{/ACT_CARD_RETURN}}{{#ACT_CARD_LOST}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>门禁卡挂失</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="card_lost">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="card_lost">
        <label>门禁卡 <select name="card">{{#CARD_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/CARD_OPTION}}</select></label>
{{#CARD_ERROR}}        <p class="field-error" data-field="card">{{MESSAGE}}</p>
{{/CARD_ERROR}}        <button type="submit" class="primary">挂失</button>
      </form>
    </details>
{{/ACT_CARD_LOST}}{{#ACT_KEY_ISSUE}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>借出钥匙</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="key_issue">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="key_issue">
        <label>钥匙 <input name="label" value="{{LABEL}}" maxlength="50" placeholder="单元门钥匙、信报箱钥匙" required></label>
{{#LABEL_ERROR}}        <p class="field-error" data-field="label">{{MESSAGE}}</p>
{{/LABEL_ERROR}}        <label>领取人 <select name="person"><option value="">（非本户人员，填写下方姓名）</option>{{#PERSON_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PERSON_OPTION}}</select></label>
{{#PERSON_ERROR}}        <p class="field-error" data-field="person">{{MESSAGE}}</p>
{{/PERSON_ERROR}}        <label>其他领取人姓名 <input name="holder" value="{{HOLDER}}" maxlength="50"></label>
{{#HOLDER_ERROR}}        <p class="field-error" data-field="holder">{{MESSAGE}}</p>
{{/HOLDER_ERROR}}        <button type="submit" class="primary">借出</button>
      </form>
    </details>
{{/ACT_KEY_ISSUE}}{{#ACT_KEY_RETURN}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>归还钥匙</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="key_return">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="key_return">
        <label>钥匙 <select name="key">{{#KEY_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/KEY_OPTION}}</select></label>
{{#KEY_ERROR}}        <p class="field-error" data-field="key">{{MESSAGE}}</p>
{{/KEY_ERROR}}        <button type="submit" class="primary">归还</button>
      </form>
    </details>
{{/ACT_KEY_RETURN}}{{#ACT_VEHICLE_ADD}}    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>登记车辆 / 车位租赁</summary>
      <form class="stacked" method="post" action="/office/unit?id={{UNIT_ID:u}}" data-action="vehicle_add">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="vehicle_add">
        <label>车牌 <input name="plate" value="{{PLATE}}" maxlength="8" placeholder="浙A12345" required></label>
{{#PLATE_ERROR}}        <p class="field-error" data-field="plate">{{MESSAGE}}</p>
{{/PLATE_ERROR}}        <label>车型 <input name="model" value="{{MODEL}}" maxlength="50"></label>
        <label>颜色 <input name="colour" value="{{COLOUR}}" maxlength="20"></label>
        <label>车主 <select name="person"><option value="">（未指定）</option>{{#PERSON_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PERSON_OPTION}}</select></label>
{{#PERSON_ERROR}}        <p class="field-error" data-field="person">{{MESSAGE}}</p>
{{/PERSON_ERROR}}        <label>车位号（租赁车位时填写） <input name="space_code" value="{{SPACE_CODE}}" maxlength="20"></label>
        <label>租期开始 <input name="lease_start" type="date" value="{{LEASE_START}}"></label>
{{#LEASE_START_ERROR}}        <p class="field-error" data-field="lease_start">{{MESSAGE}}</p>
{{/LEASE_START_ERROR}}        <label>租期结束 <input name="lease_end" type="date" value="{{LEASE_END}}"></label>
{{#LEASE_END_ERROR}}        <p class="field-error" data-field="lease_end">{{MESSAGE}}</p>
{{/LEASE_END_ERROR}}        <label>月租费（元） <input name="fee_yuan" value="{{FEE_YUAN}}" maxlength="12" inputmode="decimal"></label>
{{#FEE_YUAN_ERROR}}        <p class="field-error" data-field="fee_yuan">{{MESSAGE}}</p>
{{/FEE_YUAN_ERROR}}        <button type="submit" class="primary">登记</button>
      </form>
    </details>
{{/ACT_VEHICLE_ADD}}  </section>
</article>
