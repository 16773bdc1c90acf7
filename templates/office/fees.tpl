{{%AUTOESCAPE context="HTML"}}<article class="fees" data-page="office-fees" data-today="{{TODAY}}">
  <section class="card">
    <h1>收费项目与标准</h1>
    <p class="hint">收费标准从起始日期起执行，直到同一项目的下一个标准；每月账单按当月 1 日有效的标准计算。标准不修改、不删除：调价请添加一个从以后日期起执行的新标准。</p>
{{#SAVED}}    <p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}{{#EMPTY}}    <p class="empty">本小区还没有收费项目。</p>
{{/EMPTY}}  </section>
{{#ITEM}}  <section class="card fee-item" id="item-{{CODE}}" data-item-code="{{CODE}}" data-kind="{{KIND}}" data-unit-types="{{UNIT_TYPES}}" data-active="{{ACTIVE}}">
    <h2>{{NAME}} <span class="fee-code">{{CODE}}</span></h2>
    <dl class="facts fee-facts">
      <dt>计费方式</dt><dd data-kind-name>{{KIND_NAME}}</dd>
      <dt>计量单位</dt><dd data-unit-label>{{UNIT_LABEL}}</dd>
      <dt>收费房屋</dt><dd data-unit-types-name>{{UNIT_TYPES_NAME}}</dd>
      <dt>状态</dt><dd>{{ACTIVE_NAME}}</dd>
    </dl>
{{#NO_RATE}}    <p class="empty" data-no-rate>还没有收费标准。</p>
{{/NO_RATE}}    <div class="table-scroll">
    <table class="list fee-rates">
      <thead><tr><th>起始日期</th><th>单价</th><th>空置单价</th><th>阶梯</th><th>备注</th><th>设定人</th></tr></thead>
      <tbody>
{{#RATE}}        <tr data-rate-id="{{ID}}" data-valid-from="{{VALID_FROM}}" data-price-e4="{{PRICE_E4}}" data-current="{{CURRENT}}"{{#IS_CURRENT}} class="current"{{/IS_CURRENT}}>
          <td>{{VALID_FROM}}{{#IS_CURRENT}} <span class="badge" title="今天执行的标准">现行</span>{{/IS_CURRENT}}</td>
          <td data-price>{{PRICE}} {{PRICE_UNIT}}</td>
          <td data-vacant>{{VACANT}}</td>
          <td data-tiers>{{TIERS}}</td>
          <td>{{NOTE}}</td>
          <td class="hint">{{BY}}<br>{{AT}}</td>
        </tr>
{{/RATE}}      </tbody>
    </table>
    </div>
  </section>
{{/ITEM}}{{#FORMS}}{{#RATE_FORM}}  <section class="card" id="new-rate">
    <h2>添加收费标准</h2>
    <form class="stacked fee-form" method="post" action="/office/fees" data-form="rate" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="rate">
      <label>收费项目 <select name="item" required>
        <option value="">请选择</option>
{{#ITEM_OPTION}}        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ITEM_OPTION}}      </select></label>
{{#ITEM_ERROR}}      <p class="field-error" data-field="item">{{MESSAGE}}</p>
{{/ITEM_ERROR}}      <label>起始日期 <input type="date" name="valid_from" value="{{VALID_FROM}}" required></label>
{{#VALID_FROM_ERROR}}      <p class="field-error" data-field="valid_from">{{MESSAGE}}</p>
{{/VALID_FROM_ERROR}}      <label>单价（元，最多 4 位小数） <input name="price" value="{{PRICE}}" inputmode="decimal" maxlength="16" required></label>
{{#PRICE_ERROR}}      <p class="field-error" data-field="price">{{MESSAGE}}</p>
{{/PRICE_ERROR}}      <label>空置单价（元，仅按面积收费，留空则同单价） <input name="vacant_price" value="{{VACANT_PRICE}}" inputmode="decimal" maxlength="16"></label>
{{#VACANT_PRICE_ERROR}}      <p class="field-error" data-field="vacant_price">{{MESSAGE}}</p>
{{/VACANT_PRICE_ERROR}}      <fieldset class="fee-tiers">
        <legend>阶梯价格（仅按表计量，可不填）</legend>
        <label>第二档：月用量超过 <input name="tier2_from" value="{{TIER2_FROM}}" inputmode="decimal" maxlength="16"></label>
{{#TIER2_FROM_ERROR}}        <p class="field-error" data-field="tier2_from">{{MESSAGE}}</p>
{{/TIER2_FROM_ERROR}}        <label>第二档单价（元） <input name="tier2_price" value="{{TIER2_PRICE}}" inputmode="decimal" maxlength="16"></label>
{{#TIER2_PRICE_ERROR}}        <p class="field-error" data-field="tier2_price">{{MESSAGE}}</p>
{{/TIER2_PRICE_ERROR}}        <label>第三档：月用量超过 <input name="tier3_from" value="{{TIER3_FROM}}" inputmode="decimal" maxlength="16"></label>
{{#TIER3_FROM_ERROR}}        <p class="field-error" data-field="tier3_from">{{MESSAGE}}</p>
{{/TIER3_FROM_ERROR}}        <label>第三档单价（元） <input name="tier3_price" value="{{TIER3_PRICE}}" inputmode="decimal" maxlength="16"></label>
{{#TIER3_PRICE_ERROR}}        <p class="field-error" data-field="tier3_price">{{MESSAGE}}</p>
{{/TIER3_PRICE_ERROR}}      </fieldset>
      <label>备注（如物价备案文号） <input name="note" value="{{NOTE}}" maxlength="200"></label>
{{#NOTE_ERROR}}      <p class="field-error" data-field="note">{{MESSAGE}}</p>
{{/NOTE_ERROR}}{{#ACTION_ERROR}}      <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}      <p class="hint">起始日期不能落在该项目已出账的月份内。</p>
      <button type="submit" class="primary">保存收费标准</button>
    </form>
  </section>
{{/RATE_FORM}}{{#ITEM_FORM}}  <section class="card" id="new-item">
    <h2>添加收费项目</h2>
    <form class="stacked fee-form" method="post" action="/office/fees" data-form="item" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="item">
      <label>项目名称 <input name="name" value="{{NAME}}" maxlength="50" required></label>
{{#NAME_ERROR}}      <p class="field-error" data-field="name">{{MESSAGE}}</p>
{{/NAME_ERROR}}      <label>项目代码（小写字母、数字、下划线） <input name="code" value="{{CODE}}" maxlength="20" pattern="[a-z0-9_]{2,20}" required></label>
{{#CODE_ERROR}}      <p class="field-error" data-field="code">{{MESSAGE}}</p>
{{/CODE_ERROR}}      <label>计费方式 <select name="kind" required>
        <option value="">请选择</option>
{{#KIND_OPTION}}        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}      </select></label>
{{#KIND_ERROR}}      <p class="field-error" data-field="kind">{{MESSAGE}}</p>
{{/KIND_ERROR}}      <label>计量单位（按表计量必填，如 吨、度） <input name="unit_label" value="{{UNIT_LABEL}}" maxlength="10"></label>
{{#UNIT_LABEL_ERROR}}      <p class="field-error" data-field="unit_label">{{MESSAGE}}</p>
{{/UNIT_LABEL_ERROR}}      <fieldset>
        <legend>收费房屋类型</legend>
{{#TYPE_OPTION}}        <label class="check"><input type="checkbox" name="unit_types" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/TYPE_OPTION}}      </fieldset>
{{#UNIT_TYPES_ERROR}}      <p class="field-error" data-field="unit_types">{{MESSAGE}}</p>
{{/UNIT_TYPES_ERROR}}      <button type="submit" class="primary">添加收费项目</button>
    </form>
  </section>
{{/ITEM_FORM}}{{/FORMS}}</article>
