INSERT INTO members (email) VALUES ('ada@example.invalid'), ('lin@example.invalid')
ON CONFLICT DO NOTHING;

INSERT INTO point_events (member_id, delta, reason) VALUES
  (1, 120, 'signup bonus'),
  (1, -50, 'free latte'),
  (2, 120, 'signup bonus');

INSERT INTO templates (name, body) VALUES
('statement', $tpl$Hi {{email}},
your balance is {{balance}} points.
{{#events}}
- {{created_at}}: {{delta}} ({{reason}})
{{/events}}
$tpl$),
('welcome', $tpl$Welcome, {{email}}! You start with {{balance}} points.$tpl$)
ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body;
