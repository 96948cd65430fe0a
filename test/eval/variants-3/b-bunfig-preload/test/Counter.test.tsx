import { test, expect } from 'bun:test';
import { render, screen, fireEvent } from '@testing-library/react';
import { Counter } from '../src/Counter';

test('increments', () => {
  render(<Counter start={1} />);
  fireEvent.click(screen.getByRole('button'));
  expect(screen.getByRole('button')).toHaveTextContent('count: 2');
});
