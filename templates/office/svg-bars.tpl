{{%AUTOESCAPE context="HTML"}}<svg class="chart bar-chart" data-chart="{{CHART_ID}}" viewBox="0 0 {{CHART_WIDTH}} {{CHART_HEIGHT}}" width="100%" role="img" aria-label="{{CHART_LABEL}}">
{{#BAR}}  <g data-bar="{{CODE}}" data-value="{{VALUE}}">
    <text class="chart-label" x="{{LABEL_X}}" y="{{TEXT_Y}}" text-anchor="end" font-size="13" fill="#333333">{{LABEL}}</text>
    <rect class="chart-track" x="{{BAR_X}}" y="{{Y}}" width="{{SPAN}}" height="{{HEIGHT}}" fill="#eef1f0"></rect>
    <rect class="chart-bar tone-{{TONE}}" x="{{BAR_X}}" y="{{Y}}" width="{{WIDTH}}" height="{{HEIGHT}}" fill="{{FILL}}"></rect>
    <text class="chart-value" x="{{TEXT_X}}" y="{{TEXT_Y}}" font-size="12" fill="#333333">{{TEXT}}</text>
  </g>
{{/BAR}}</svg>
