console.log('mint');
